-- Email service provider events as of as_of_date, with the recipient's customer_id (by email).
-- An erased person's events are dropped, so they leave the monthly rates too.
with

events as (

    select * from {{ ref('stg_email__events') }}

),

lookup as (

    select * from {{ ref('int_journey__identifier_lookup') }}

),

as_of as (

    select as_of_date from {{ ref('int_calendar__as_of_date') }}

),

matched as (

    select
        events.event_id,
        lookup.customer_id,
        events.email,
        events.campaign_id,
        events.event_type,
        events.occurred_at,
        cast({{ dbt.date_trunc('month', 'events.occurred_at') }} as date) as event_month

    from events
    cross join as_of
    left join lookup
        on lookup.identifier_type = 'email'
        and events.email = lookup.identifier_value
    where cast(events.occurred_at as date) <= as_of.as_of_date
        and not coalesce(lookup.is_erased, false)

)

select * from matched
