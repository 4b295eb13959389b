-- Each customer's consent per purpose and channel as of as_of_date: the latest consent event
-- recorded on or before that day, over all the customer's CRM ids. A purpose and channel never
-- granted is false.

{%- set purposes = ['marketing', 'profiling', 'personalisation'] %}
{%- set channels = ['email', 'sms', 'push', 'ads'] %}

with

as_of as (

    select as_of_date from {{ ref('int_calendar__as_of_date') }}

),

consents as (

    select * from {{ ref('stg_crm__consents') }}
    where cast(recorded_at as date) <= (select as_of.as_of_date from as_of)

),

customer_ids as (

    select identifier_value, customer_id
    from {{ ref('int_identity__customer_ids') }}
    where identifier_type = 'crm_customer_id'

),

customer_consents as (

    select
        customer_ids.customer_id,
        consents.purpose,
        consents.channel,
        consents.is_granted,
        consents.recorded_at

    from consents
    inner join customer_ids
        on consents.crm_customer_id = customer_ids.identifier_value

),

latest as (

    {{ deduplicate('customer_consents', 'customer_id, purpose, channel', 'recorded_at desc, is_granted') }}

),

pivoted as (

    select
        customer_id,
        {%- for purpose in purposes %}
        {%- for channel in channels %}
        {{ dbt.bool_or("purpose = '" ~ purpose ~ "' and channel = '" ~ channel ~ "' and is_granted") }}
            as consent_{{ purpose }}_{{ channel }},
        {%- endfor %}
        {%- endfor %}
        max(recorded_at) as consent_recorded_at

    from latest
    group by customer_id

)

select * from pivoted
