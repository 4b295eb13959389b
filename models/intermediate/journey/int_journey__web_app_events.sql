-- view: read by the incremental int_journey__sessionised_events with its own batch filter; a table
-- would rebuild every event on every run.
{{ config(materialized='view') }}

-- Web and app events in one shape, up to as_of_date. The visitor is the web cookie (anonymous_id)
-- or the app install (device_id); sessions and touchpoints are cut per visitor.

with

web_events as (

    select * from {{ ref('stg_web__events') }}

),

app_events as (

    select * from {{ ref('stg_app__events') }}

),

as_of as (

    select as_of_date from {{ ref('int_calendar__as_of_date') }}

),

unioned as (

    select
        'web' as channel,
        event_id,
        anonymous_id as visitor_id,
        anonymous_id,
        cast(null as {{ dbt.type_string() }}) as device_id,
        shop_account_id,
        cast(null as {{ dbt.type_string() }}) as platform,
        event_type,
        page_url,
        occurred_at,
        _export_date

    from web_events

    union all

    select
        'app' as channel,
        event_id,
        device_id as visitor_id,
        cast(null as {{ dbt.type_string() }}) as anonymous_id,
        device_id,
        shop_account_id,
        platform,
        event_type,
        cast(null as {{ dbt.type_string() }}) as page_url,
        occurred_at,
        _export_date

    from app_events

),

flagged as (

    select
        unioned.*,
        event_type in ('page_ping', 'foreground_ping') as is_heartbeat,
        event_type in ('page_view', 'screen_view') as is_view,
        event_type = 'checkout' as is_checkout,
        -- heartbeat buckets: two pings in one heartbeat interval count once
        floor(
            {{ dbt.datediff("cast('1970-01-01' as timestamp)", 'unioned.occurred_at', 'second') }}
            / {{ var('heartbeat_seconds') }}
        ) as heartbeat_bucket

    from unioned
    cross join as_of
    where unioned.occurred_at < {{ dbt.dateadd('day', 1, 'as_of.as_of_date') }}
        and unioned.visitor_id is not null

)

select * from flagged
