-- Late data, per loaded export file of every touchpoint source: how many rows arrived, how many
-- happened more than var late_event_lookback_days before their export day, and whether the file
-- arrived so far behind that the incremental marts (fct_touchpoints, fct_sessions) skip it.
--
-- The incremental marts rebuild what was exported in the last late_event_lookback_days export days
-- of each export stream (source entity; counted back from the newest export of that stream they
-- hold), so:
--   late_rows            events exported late but inside a timely file: picked up, and they landed in
--                        their (old) session; past sessions, stages and attribution changed
--   rows_beyond_lookback rows of a file whose export day was already more than the lookback behind
--                        the newest export of its entity loaded before it: missing from the marts
--                        until the next `dbt build --full-refresh` (assumes dbt runs after each load)
-- Reads raw (lineage columns as loaded, duplicates included), not staging: this is about arrival.

with

loaded_rows as (
    select
        'web' as source,
        'events' as entity,
        _export_date as export_date,
        _source_file as source_file,
        _loaded_at as loaded_at,
        
        (date_diff('day', cast(occurred_at as date)::timestamp, _export_date::timestamp ))
     as days_late

    from "fresh"."raw"."web__events"
    union all
    select
        'app' as source,
        'events' as entity,
        _export_date as export_date,
        _source_file as source_file,
        _loaded_at as loaded_at,
        
        (date_diff('day', cast(occurred_at as date)::timestamp, _export_date::timestamp ))
     as days_late

    from "fresh"."raw"."app__events"
    union all
    select
        'shop' as source,
        'orders' as entity,
        _export_date as export_date,
        _source_file as source_file,
        _loaded_at as loaded_at,
        
        (date_diff('day', cast(case when status = 'placed' then ordered_at else cast(_export_date as timestamp) end as date)::timestamp, _export_date::timestamp ))
     as days_late

    from "fresh"."raw"."shop__orders"
    union all
    select
        'shop' as source,
        'carts' as entity,
        _export_date as export_date,
        _source_file as source_file,
        _loaded_at as loaded_at,
        
        (date_diff('day', cast(coalesce(last_activity_at, created_at) as date)::timestamp, _export_date::timestamp ))
     as days_late

    from "fresh"."raw"."shop__carts"
    union all
    select
        'pos' as source,
        'transactions' as entity,
        _export_date as export_date,
        _source_file as source_file,
        _loaded_at as loaded_at,
        
        (date_diff('day', cast(transacted_at as date)::timestamp, _export_date::timestamp ))
     as days_late

    from "fresh"."raw"."pos__transactions"
    union all
    select
        'email' as source,
        'events' as entity,
        _export_date as export_date,
        _source_file as source_file,
        _loaded_at as loaded_at,
        
        (date_diff('day', cast(occurred_at as date)::timestamp, _export_date::timestamp ))
     as days_late

    from "fresh"."raw"."email__events"
    union all
    select
        'care' as source,
        'tickets' as entity,
        _export_date as export_date,
        _source_file as source_file,
        _loaded_at as loaded_at,
        
        (date_diff('day', cast(coalesce(resolved_at, first_response_at, opened_at) as date)::timestamp, _export_date::timestamp ))
     as days_late

    from "fresh"."raw"."care__tickets"
    union all
    select
        'survey' as source,
        'nps_responses' as entity,
        _export_date as export_date,
        _source_file as source_file,
        _loaded_at as loaded_at,
        
        (date_diff('day', cast(answered_at as date)::timestamp, _export_date::timestamp ))
     as days_late

    from "fresh"."raw"."survey__nps_responses"
    union all
    select
        'reviews' as source,
        'reviews' as entity,
        _export_date as export_date,
        _source_file as source_file,
        _loaded_at as loaded_at,
        
        (date_diff('day', cast(submitted_at as date)::timestamp, _export_date::timestamp ))
     as days_late

    from "fresh"."raw"."reviews__reviews"
    union all
    select
        'loyalty' as source,
        'points' as entity,
        _export_date as export_date,
        _source_file as source_file,
        _loaded_at as loaded_at,
        
        (date_diff('day', cast(occurred_at as date)::timestamp, _export_date::timestamp ))
     as days_late

    from "fresh"."raw"."loyalty__points"
    

),

files as (

    select
        source,
        entity,
        export_date,
        source_file,
        min(loaded_at) as loaded_at,
        count(*) as rows_loaded,
        sum(case when days_late > 3 then 1 else 0 end) as late_rows,
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
            export_date <= 

    (newest_export_loaded_before + cast(-3 as bigint) * interval 1 day),
            false
        ) as is_beyond_lookback,
        case
            when export_date <= 

    (newest_export_loaded_before + cast(-3 as bigint) * interval 1 day)
                then cast(rows_loaded as bigint)
            else 0
        end as rows_beyond_lookback

    from watermarked

)

select * from final