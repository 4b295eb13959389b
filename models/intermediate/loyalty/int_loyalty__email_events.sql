-- Email service provider events as of as_of_date, with the recipient's customer_id (by email).
with

events as (

    select * from {{ ref('stg_email__events') }}

),

bridge as (

    select * from {{ ref('bdg_customer_identifiers') }}

),

as_of as (

    select as_of_date from {{ ref('int_calendar__as_of_date') }}

),

matched as (

    select
        events.event_id,
        bridge.customer_id,
        events.email,
        events.campaign_id,
        events.event_type,
        events.occurred_at,
        cast({{ dbt.date_trunc('month', 'events.occurred_at') }} as date) as event_month

    from events
    cross join as_of
    left join bridge
        on bridge.identifier_type = 'email'
        and events.email = bridge.identifier_value
    where cast(events.occurred_at as date) <= as_of.as_of_date

)

select * from matched
