-- Warns when an export file arrived more than late_event_lookback_days export days behind the newest
-- export already loaded: its rows are missing from the incremental fct_touchpoints / fct_sessions
-- until the next `dbt build --full-refresh` (see int_journey__late_events).


select
    source,
    entity,
    export_date,
    source_file,
    rows_beyond_lookback

from "fresh"."intermediate"."int_journey__late_events"
where is_beyond_lookback