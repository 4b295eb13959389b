-- Email KPIs per month of the event. Messages are distinct (email, campaign) pairs:
--   open / click / unsubscribe rate = messages with that event in the month / messages sent in the month
--   reachable_customers = published customers (int_identity__customers, as in dim_customers, so never
--                         erased) whose latest marketing-email consent event on or before month_end
--                         is a grant, and who have an email (the golden record's)
--   contact_pressure = messages sent in the month / reachable customers
with

events as (

    select * from {{ ref('int_loyalty__email_events') }}

),

consents as (

    select * from {{ ref('stg_crm__consents') }}

),

bridge as (

    select * from {{ ref('int_identity__customer_identifiers') }}

),

customers as (

    select * from {{ ref('int_identity__customers') }}

),

golden_records as (

    select * from {{ ref('int_identity__golden_records') }}

),

months as (

    select * from {{ ref('int_loyalty__months') }}

),

-- published customers (never erased) with an email address
emailable_customers as (

    select customers.customer_id

    from customers
    inner join golden_records
        on customers.customer_id = golden_records.customer_id
    where golden_records.email is not null

),

messages as (

    select
        event_month as month_start,
        count(distinct case when event_type = 'sent' then {{ dbt.concat(['email', "'|'", "coalesce(campaign_id, '')"]) }} end) as emails_sent,
        count(distinct case when event_type = 'open' then {{ dbt.concat(['email', "'|'", "coalesce(campaign_id, '')"]) }} end) as emails_opened,
        count(distinct case when event_type = 'click' then {{ dbt.concat(['email', "'|'", "coalesce(campaign_id, '')"]) }} end) as emails_clicked,
        count(distinct case when event_type = 'unsubscribe' then {{ dbt.concat(['email', "'|'", "coalesce(campaign_id, '')"]) }} end) as emails_unsubscribed

    from events
    group by event_month

),

email_consent_events as (

    select
        bridge.customer_id,
        consents.is_granted,
        consents.recorded_at,
        lead(consents.recorded_at) over (partition by bridge.customer_id order by consents.recorded_at) as superseded_at

    from consents
    inner join bridge
        on bridge.identifier_type = 'crm_customer_id'
        and consents.crm_customer_id = bridge.identifier_value
    where consents.purpose = 'marketing'
        and consents.channel = 'email'

),

reachable as (

    select
        months.month_start,
        count(distinct email_consent_events.customer_id) as reachable_customers

    from months
    inner join email_consent_events
        on cast(email_consent_events.recorded_at as date) <= months.month_end
        and (email_consent_events.superseded_at is null
             or cast(email_consent_events.superseded_at as date) > months.month_end)
    inner join emailable_customers
        on email_consent_events.customer_id = emailable_customers.customer_id
    where email_consent_events.is_granted
    group by months.month_start

),

final as (

    select
        months.month_start,
        coalesce(messages.emails_sent, 0) as emails_sent,
        cast(messages.emails_opened as double) / nullif(messages.emails_sent, 0) as email_open_rate,
        cast(messages.emails_clicked as double) / nullif(messages.emails_sent, 0) as email_click_rate,
        cast(messages.emails_unsubscribed as double) / nullif(messages.emails_sent, 0) as email_unsubscribe_rate,
        coalesce(reachable.reachable_customers, 0) as reachable_customers,
        cast(coalesce(messages.emails_sent, 0) as double) / nullif(reachable.reachable_customers, 0) as contact_pressure

    from months
    left join messages on months.month_start = messages.month_start
    left join reachable on months.month_start = reachable.month_start

)

select * from final
