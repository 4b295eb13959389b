-- The latest CRM marketing-consent event per customer and channel on or before as_of_date, over all
-- of the person's CRM ids: recomputed from the consent events independently of dim_customers, so the
-- audience consent test has a second source to check against.
with

consents as (

    select * from {{ ref('stg_crm__consents') }}

),

bridge as (

    select * from {{ ref('int_identity__customer_identifiers') }}

),

as_of as (

    select as_of_date from {{ ref('int_calendar__as_of_date') }}

),

events as (

    select
        bridge.customer_id,
        consents.channel,
        consents.is_granted,
        consents.recorded_at

    from consents
    inner join bridge
        on bridge.identifier_type = 'crm_customer_id'
        and consents.crm_customer_id = bridge.identifier_value
    cross join as_of
    where consents.purpose = 'marketing'
        and cast(consents.recorded_at as date) <= as_of.as_of_date

),

-- a grant and a withdrawal recorded at the same instant: the withdrawal wins
latest as (

    {{ deduplicate('events', 'customer_id, channel', 'recorded_at desc, is_granted') }}

)

select
    customer_id,
    channel,
    is_granted,
    recorded_at

from latest
