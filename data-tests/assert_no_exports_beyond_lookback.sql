-- Warns when an export file arrived more than late_event_lookback_days export days behind the newest
-- export already loaded: its rows are missing from the incremental fct_touchpoints and
-- int_journey__sessions (so fct_sessions) until the next `dbt build --full-refresh`
-- (see int_journey__late_events).
{{ config(severity='warn') }}

select
    source,
    entity,
    export_date,
    source_file,
    rows_beyond_lookback

from {{ ref('int_journey__late_events') }}
where is_beyond_lookback
