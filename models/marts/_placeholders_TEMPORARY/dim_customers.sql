-- placeholder until branch identity/journeys lands
-- TEMPORARY: one row per customer_id of the placeholder bridge, CRM attributes, consent as of
-- as_of_date from the latest CRM consent event, erased persons removed.
{%- set purposes = ['marketing', 'profiling', 'personalisation'] %}
{%- set channels = ['email', 'sms', 'push', 'ads'] %}
with

bridge as (select * from {{ ref('bdg_customer_identifiers') }}),
crm as (select * from {{ ref('stg_crm__customers') }}),
accounts as (select * from {{ ref('stg_shop__accounts') }}),
consents as (select * from {{ ref('stg_crm__consents') }}),
erased as (select * from {{ ref('int_identity__erased_identifiers') }}),
transactions as (select * from {{ ref('stg_pos__transactions') }}),
as_of as (select * from {{ ref('int_calendar__as_of_date') }}),

people as (select distinct customer_id from bridge),

erased_customers as (
    select distinct bridge.customer_id
    from bridge
    inner join erased
        on bridge.identifier_type = erased.identifier_type
        and bridge.identifier_value = erased.identifier_value
),

crm_of as (
    select bridge.customer_id, crm.*
    from bridge
    inner join crm on bridge.identifier_type = 'crm_customer_id' and bridge.identifier_value = crm.crm_customer_id
),

crm_one as ({{ deduplicate('crm_of', 'customer_id', 'updated_at desc') }}),

account_of as (
    select bridge.customer_id, accounts.*
    from bridge
    inner join accounts on bridge.identifier_type = 'shop_account_id' and bridge.identifier_value = accounts.shop_account_id
),

account_one as ({{ deduplicate('account_of', 'customer_id', 'created_at') }}),

consent_events as (
    select bridge.customer_id, consents.purpose, consents.channel, consents.is_granted, consents.recorded_at
    from consents
    inner join bridge on bridge.identifier_type = 'crm_customer_id' and bridge.identifier_value = consents.crm_customer_id
    cross join as_of
    where cast(consents.recorded_at as date) <= as_of.as_of_date
),

consent_latest as ({{ deduplicate('consent_events', 'customer_id, purpose, channel', 'recorded_at desc') }}),

store_visits as (
    select bridge.customer_id, transactions.store_id, count(*) as visits
    from transactions
    inner join bridge on bridge.identifier_type = 'loyalty_card_number' and bridge.identifier_value = transactions.loyalty_card_number
    group by bridge.customer_id, transactions.store_id
),

home_store as ({{ deduplicate('store_visits', 'customer_id', 'visits desc, store_id') }}),

final as (
    select
        people.customer_id,
        coalesce(crm_one.first_name, account_one.first_name) as first_name,
        coalesce(crm_one.last_name, account_one.last_name) as last_name,
        crm_one.birth_date,
        crm_one.city,
        home_store.store_id as home_store_id,
        coalesce(crm_one.email, account_one.email) as email,
        coalesce(crm_one.phone, account_one.phone) as phone,
        {%- for purpose in purposes %}{% for channel in channels %}
        coalesce(bool_or(consent_latest.purpose = '{{ purpose }}' and consent_latest.channel = '{{ channel }}'
                         and consent_latest.is_granted), false) as consent_{{ purpose }}_{{ channel }},
        {%- endfor %}{% endfor %}
        true as is_placeholder
    from people
    left join crm_one on people.customer_id = crm_one.customer_id
    left join account_one on people.customer_id = account_one.customer_id
    left join home_store on people.customer_id = home_store.customer_id
    left join consent_latest on people.customer_id = consent_latest.customer_id
    where people.customer_id not in (select customer_id from erased_customers)
    group by 1, 2, 3, 4, 5, 6, 7, 8
)

select * from final
