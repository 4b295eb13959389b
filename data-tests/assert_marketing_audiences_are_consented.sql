-- Catches an audience member we may not contact: for every row of marketing_audiences, fails when
--   (a) dim_customers' consent_marketing_<channel> as of as_of_date is not true, or the customer is not
--       in dim_customers at all (erased persons are absent there), or
--   (b) independently of dim_customers, the latest CRM consent event for (marketing, channel) recorded
--       on or before as_of_date over all of the person's CRM ids (int_loyalty__marketing_consent_latest)
--       is missing or a withdrawal, or
--   (c) the person holds an identifier named in an erasure request.
{%- set channels = ['email', 'sms', 'push', 'ads'] %}
with

members as (

    select * from {{ ref('marketing_audiences') }}

),

customers as (

    select * from {{ ref('dim_customers') }}

),

consent_state as (

    {%- for channel in channels %}
    select customer_id, '{{ channel }}' as channel, consent_marketing_{{ channel }} as is_granted from customers
    {{ 'union all' if not loop.last }}
    {%- endfor %}

),

latest_event as (

    select * from {{ ref('int_loyalty__marketing_consent_latest') }}

),

erased_customers as (

    select distinct bridge.customer_id
    from {{ ref('bdg_customer_identifiers') }} as bridge
    inner join {{ ref('int_identity__erased_identifiers') }} as erased
        on bridge.identifier_type = erased.identifier_type
        and bridge.identifier_value = erased.identifier_value

)

select
    members.audience,
    members.customer_id,
    members.channel,
    consent_state.is_granted as dim_customers_consent,
    latest_event.is_granted as latest_crm_consent_event,
    erased_customers.customer_id is not null as is_erased

from members
left join consent_state
    on members.customer_id = consent_state.customer_id
    and members.channel = consent_state.channel
left join latest_event
    on members.customer_id = latest_event.customer_id
    and members.channel = latest_event.channel
left join erased_customers
    on members.customer_id = erased_customers.customer_id
where consent_state.is_granted is null
    or not consent_state.is_granted
    or latest_event.is_granted is null
    or not latest_event.is_granted
    or erased_customers.customer_id is not null
