
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "event_id","channel","visitor_id","is_heartbeat","is_view","is_checkout","heartbeat_bucket", 'actual' as "actual_or_expected"
  from (
    -- view: read by the two incremental marts with their own batch filter; a table would rebuild every
-- event on every run.


-- Web and app events in one shape, up to as_of_date. The visitor is the web cookie (anonymous_id)
-- or the app install (device_id); sessions and touchpoints are cut per visitor.

with

 __dbt__cte__stg_web__events as (

-- Fixture for stg_web__events
select 
    
    cast('p1' as character varying)
 as "event_id", 
    
    cast('K' as character varying)
 as "anonymous_id", cast(null as character varying(256)) as "shop_account_id", 
    
    cast('page_ping' as character varying)
 as "event_type", cast(null as character varying(256)) as "page_url", 
    
    cast('2025-03-01 10:00:00' as TIMESTAMP)
 as "occurred_at", cast(null as TIMESTAMP) as "received_at", 
    
    cast('2025-03-01' as DATE)
 as "_export_date", cast(null as TIMESTAMP) as "_loaded_at", cast(null as BIGINT) as "_line_number"
union all
select 
    
    cast('p2' as character varying)
 as "event_id", 
    
    cast('K' as character varying)
 as "anonymous_id", cast(null as character varying(256)) as "shop_account_id", 
    
    cast('page_ping' as character varying)
 as "event_type", cast(null as character varying(256)) as "page_url", 
    
    cast('2025-03-01 10:00:09' as TIMESTAMP)
 as "occurred_at", cast(null as TIMESTAMP) as "received_at", 
    
    cast('2025-03-01' as DATE)
 as "_export_date", cast(null as TIMESTAMP) as "_loaded_at", cast(null as BIGINT) as "_line_number"
union all
select 
    
    cast('p3' as character varying)
 as "event_id", 
    
    cast('K' as character varying)
 as "anonymous_id", cast(null as character varying(256)) as "shop_account_id", 
    
    cast('page_ping' as character varying)
 as "event_type", cast(null as character varying(256)) as "page_url", 
    
    cast('2025-03-01 10:00:10' as TIMESTAMP)
 as "occurred_at", cast(null as TIMESTAMP) as "received_at", 
    
    cast('2025-03-01' as DATE)
 as "_export_date", cast(null as TIMESTAMP) as "_loaded_at", cast(null as BIGINT) as "_line_number"
union all
select 
    
    cast('v1' as character varying)
 as "event_id", 
    
    cast('K' as character varying)
 as "anonymous_id", cast(null as character varying(256)) as "shop_account_id", 
    
    cast('page_view' as character varying)
 as "event_type", cast(null as character varying(256)) as "page_url", 
    
    cast('2025-03-01 23:59:59' as TIMESTAMP)
 as "occurred_at", cast(null as TIMESTAMP) as "received_at", 
    
    cast('2025-03-01' as DATE)
 as "_export_date", cast(null as TIMESTAMP) as "_loaded_at", cast(null as BIGINT) as "_line_number"
union all
select 
    
    cast('future' as character varying)
 as "event_id", 
    
    cast('K' as character varying)
 as "anonymous_id", cast(null as character varying(256)) as "shop_account_id", 
    
    cast('page_view' as character varying)
 as "event_type", cast(null as character varying(256)) as "page_url", 
    
    cast('2025-03-02 00:00:00' as TIMESTAMP)
 as "occurred_at", cast(null as TIMESTAMP) as "received_at", 
    
    cast('2025-03-02' as DATE)
 as "_export_date", cast(null as TIMESTAMP) as "_loaded_at", cast(null as BIGINT) as "_line_number"
),  __dbt__cte__stg_app__events as (

-- Fixture for stg_app__events
select 
    
    cast('c1' as character varying)
 as "event_id", 
    
    cast('D' as character varying)
 as "device_id", cast(null as character varying(256)) as "shop_account_id", cast(null as character varying(256)) as "platform", 
    
    cast('checkout' as character varying)
 as "event_type", 
    
    cast('2025-03-01 10:00:00' as TIMESTAMP)
 as "occurred_at", cast(null as TIMESTAMP) as "received_at", 
    
    cast('2025-03-01' as DATE)
 as "_export_date", cast(null as TIMESTAMP) as "_loaded_at", cast(null as BIGINT) as "_line_number"
),  __dbt__cte__int_calendar__as_of_date as (

-- Fixture for int_calendar__as_of_date
select 
    
    cast('2025-03-01' as DATE)
 as "as_of_date", cast(null as BOOLEAN) as "is_pinned"
), web_events as (

    select * from __dbt__cte__stg_web__events

),

app_events as (

    select * from __dbt__cte__stg_app__events

),

as_of as (

    select as_of_date from __dbt__cte__int_calendar__as_of_date

),

unioned as (

    select
        'web' as channel,
        event_id,
        anonymous_id as visitor_id,
        anonymous_id,
        cast(null as varchar) as device_id,
        shop_account_id,
        cast(null as varchar) as platform,
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
        cast(null as varchar) as anonymous_id,
        device_id,
        shop_account_id,
        platform,
        event_type,
        cast(null as varchar) as page_url,
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
            
        (date_diff('second', cast('1970-01-01' as timestamp)::timestamp, unioned.occurred_at::timestamp ))
    
            / 10
        ) as heartbeat_bucket

    from unioned
    cross join as_of
    where unioned.occurred_at < 

    (as_of.as_of_date + cast(1 as bigint) * interval 1 day)
        and unioned.visitor_id is not null

)

select * from flagged
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "event_id", "channel", "visitor_id", "is_heartbeat", "is_view", "is_checkout", "heartbeat_bucket", 'expected' as "actual_or_expected"
  from (
    select 
    
    cast('p1' as character varying)
 as "event_id", 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('K' as character varying)
 as "visitor_id", 
    
    cast(True as BOOLEAN)
 as "is_heartbeat", 
    
    cast(False as BOOLEAN)
 as "is_view", 
    
    cast(False as BOOLEAN)
 as "is_checkout", 
    
    cast(174082320 as DOUBLE)
 as "heartbeat_bucket"
union all
select 
    
    cast('p2' as character varying)
 as "event_id", 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('K' as character varying)
 as "visitor_id", 
    
    cast(True as BOOLEAN)
 as "is_heartbeat", 
    
    cast(False as BOOLEAN)
 as "is_view", 
    
    cast(False as BOOLEAN)
 as "is_checkout", 
    
    cast(174082320 as DOUBLE)
 as "heartbeat_bucket"
union all
select 
    
    cast('p3' as character varying)
 as "event_id", 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('K' as character varying)
 as "visitor_id", 
    
    cast(True as BOOLEAN)
 as "is_heartbeat", 
    
    cast(False as BOOLEAN)
 as "is_view", 
    
    cast(False as BOOLEAN)
 as "is_checkout", 
    
    cast(174082321 as DOUBLE)
 as "heartbeat_bucket"
union all
select 
    
    cast('v1' as character varying)
 as "event_id", 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('K' as character varying)
 as "visitor_id", 
    
    cast(False as BOOLEAN)
 as "is_heartbeat", 
    
    cast(True as BOOLEAN)
 as "is_view", 
    
    cast(False as BOOLEAN)
 as "is_checkout", 
    
    cast(174087359 as DOUBLE)
 as "heartbeat_bucket"
union all
select 
    
    cast('c1' as character varying)
 as "event_id", 
    
    cast('app' as character varying)
 as "channel", 
    
    cast('D' as character varying)
 as "visitor_id", 
    
    cast(False as BOOLEAN)
 as "is_heartbeat", 
    
    cast(False as BOOLEAN)
 as "is_view", 
    
    cast(True as BOOLEAN)
 as "is_checkout", 
    
    cast(174082320 as DOUBLE)
 as "heartbeat_bucket"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected