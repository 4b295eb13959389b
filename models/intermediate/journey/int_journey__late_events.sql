-- Late data, per loaded export file of every touchpoint source: how many rows arrived, how many
-- happened more than var late_event_lookback_days before their export day, and whether the file
-- arrived so far behind that the incremental models (int_journey__touchpoints, int_journey__sessions) skip it.
--
-- The incremental models rebuild what was exported in the last late_event_lookback_days export days
-- of each export stream (source entity; counted back from the newest export of that stream they
-- hold), so:
--   late_rows            events exported late but inside a timely file: picked up, and they landed in
--                        their (old) session; past sessions, stages and attribution changed
--   rows_beyond_lookback rows of a file whose export day was already more than the lookback behind
--                        the newest export of its entity loaded before it: missing from the marts
--                        until the next `dbt build --full-refresh` (assumes dbt runs after each load)
-- Reads raw (lineage columns as loaded, duplicates included), not staging: this is about arrival.

{%- set sources = [
    ['web', 'events', 'occurred_at'],
    ['app', 'events', 'occurred_at'],
    ['shop', 'orders', "case when status = 'placed' then ordered_at else cast(_export_date as timestamp) end"],
    ['shop', 'carts', 'coalesce(last_activity_at, created_at)'],
    ['pos', 'transactions', 'transacted_at'],
    ['email', 'events', 'occurred_at'],
    ['care', 'tickets', 'coalesce(resolved_at, first_response_at, opened_at)'],
    ['survey', 'nps_responses', 'answered_at'],
    ['reviews', 'reviews', 'submitted_at'],
    ['loyalty', 'points', 'occurred_at'],
] %}

with

loaded_rows as (

    {%- for source_name, entity, event_time in sources %}
    select
        '{{ source_name }}' as source,
        '{{ entity }}' as entity,
        _export_date as export_date,
        _source_file as source_file,
        _loaded_at as loaded_at,
        {{ dbt.datediff('cast(' ~ event_time ~ ' as date)', '_export_date', 'day') }} as days_late

    from {{ source(source_name, entity) }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}

),

files as (

    select
        source,
        entity,
        export_date,
        source_file,
        min(loaded_at) as loaded_at,
        count(*) as rows_loaded,
        sum(case when days_late > {{ var('late_event_lookback_days') }} then 1 else 0 end) as late_rows,
        max(days_late) as max_days_late

    from loaded_rows
    group by source, entity, export_date, source_file

),

watermarked as (

    select
        files.*,
        max(export_date) over (
            partition by source, entity
            order by loaded_at, export_date, source_file
            rows between unbounded preceding and 1 preceding
        ) as newest_export_loaded_before

    from files

),

final as (

    select
        source,
        entity,
        export_date,
        source_file,
        loaded_at,
        cast(rows_loaded as bigint) as rows_loaded,
        cast(late_rows as bigint) as late_rows,
        cast(max_days_late as bigint) as max_days_late,
        newest_export_loaded_before,
        coalesce(
            export_date <= {{ dbt.dateadd('day', -1 * var('late_event_lookback_days'), 'newest_export_loaded_before') }},
            false
        ) as is_beyond_lookback,
        case
            when export_date <= {{ dbt.dateadd('day', -1 * var('late_event_lookback_days'), 'newest_export_loaded_before') }}
                then cast(rows_loaded as bigint)
            else 0
        end as rows_beyond_lookback

    from watermarked

)

select * from final
