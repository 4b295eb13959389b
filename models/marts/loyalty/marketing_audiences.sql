-- Named audiences as of as_of_date, one row per member with the channel to reach them on.
-- Who qualifies (seeds/audience_definitions.csv describes each):
--   cart_abandoners       an abandoned cart with value, last active in the last var cart_abandonment_days days
--   win_back              RFM segment at_risk or cannot_lose_them
--   birthday_this_month   born in as_of_date's month, living in the city of their home store
--   vip                   RFM segment champions
--   promoters_review_ask  latest NPS answer (within var engagement_window_days days) a promoter, has bought
-- Channel: the audience's most preferred channel (seeds/audience_channels.csv) for which the
-- person's marketing consent holds as of as_of_date (dim_customers) and, for email/sms, an address exists.
-- No consented channel: not a member. For activation each member carries the unsalted SHA-256 of the
-- normalised email (channels email, ads) or phone (sms, ads) the channel uses; nothing else. Erased persons never (absent from dim_customers, and any customer
-- holding an erased identifier is removed again here).
-- Frequency cap: nobody gets more than var audience_frequency_cap contacts within
-- var audience_frequency_window_days days. Contacts already made = distinct email campaigns sent to the
-- person in the window up to as_of_date; the remaining slots go to their audiences in seed priority
-- order (1 first). The audiences are a snapshot for the window starting at as_of_date.
{%- set channels = ['email', 'sms', 'push', 'ads'] %}
with

customers as (

    select * from {{ ref('dim_customers') }}

),

orders as (

    select * from {{ ref('int_loyalty__customer_orders') }}

),

carts as (

    select * from {{ ref('fct_abandoned_carts') }}

),

stores as (

    select * from {{ ref('stg_pos__stores') }}

),

nps_responses as (

    select * from {{ ref('int_loyalty__nps_responses') }}

),

email_events as (

    select * from {{ ref('int_loyalty__email_events') }}

),

bridge as (

    select * from {{ ref('bdg_customer_identifiers') }}

),

erased as (

    select * from {{ ref('int_identity__erased_identifiers') }}

),

audiences as (

    select * from {{ ref('audience_definitions') }}

),

audience_channels as (

    select * from {{ ref('audience_channels') }}

),

as_of as (

    select as_of_date from {{ ref('int_calendar__as_of_date') }}

),

nps_known as (

    select * from nps_responses where customer_id is not null

),

latest_nps as (

    {{ deduplicate('nps_known', 'customer_id', 'answered_at desc, response_id desc') }}

),

candidates as (

    select distinct 'cart_abandoners' as audience, carts.customer_id
    from carts
    cross join as_of
    where carts.customer_id is not null
        and carts.cart_value > 0
        and cast(carts.last_activity_at as date) <= as_of.as_of_date
        and cast(carts.last_activity_at as date) > {{ dbt.dateadd('day', -var('cart_abandonment_days'), 'as_of.as_of_date') }}

    union all

    select 'win_back', customer_id
    from orders
    where rfm_segment in ('at_risk', 'cannot_lose_them')

    union all

    select 'birthday_this_month', customers.customer_id
    from customers
    cross join as_of
    inner join stores
        on customers.home_store_id = stores.store_id
    where extract(month from customers.birth_date) = extract(month from as_of.as_of_date)
        and lower(customers.city) = lower(stores.city)

    union all

    select 'vip', customer_id
    from orders
    where rfm_segment = 'champions'

    union all

    select 'promoters_review_ask', latest_nps.customer_id
    from latest_nps
    cross join as_of
    inner join orders
        on latest_nps.customer_id = orders.customer_id
    where latest_nps.nps_category = 'promoter'
        and cast(latest_nps.answered_at as date) > {{ dbt.dateadd('day', -var('engagement_window_days'), 'as_of.as_of_date') }}

),

consented_channels as (

    {%- for channel in channels %}
    select
        customer_id,
        '{{ channel }}' as channel
    from customers
    where consent_marketing_{{ channel }}
        {%- if channel == 'email' %} and email is not null{% endif %}
        {%- if channel == 'sms' %} and phone is not null{% endif %}
    {{ 'union all' if not loop.last }}
    {%- endfor %}

),

erased_customers as (

    select distinct bridge.customer_id
    from bridge
    inner join erased
        on bridge.identifier_type = erased.identifier_type
        and bridge.identifier_value = erased.identifier_value

),

reachable as (

    select
        candidates.audience,
        candidates.customer_id,
        audiences.priority as audience_priority,
        audience_channels.channel,
        audience_channels.preference

    from candidates
    inner join customers
        on candidates.customer_id = customers.customer_id
    inner join audiences
        on candidates.audience = audiences.audience
    inner join audience_channels
        on candidates.audience = audience_channels.audience
    inner join consented_channels
        on candidates.customer_id = consented_channels.customer_id
        and audience_channels.channel = consented_channels.channel
    left join erased_customers
        on candidates.customer_id = erased_customers.customer_id
    where erased_customers.customer_id is null

),

best_channel as (

    {{ deduplicate('reachable', 'audience, customer_id', 'preference') }}

),

recent_contacts as (

    select
        email_events.customer_id,
        count(distinct coalesce(email_events.campaign_id, cast(email_events.event_id as {{ dbt.type_string() }}))) as contacts_in_window

    from email_events
    cross join as_of
    where email_events.event_type = 'sent'
        and email_events.customer_id is not null
        and cast(email_events.occurred_at as date) > {{ dbt.dateadd('day', -var('audience_frequency_window_days'), 'as_of.as_of_date') }}
    group by email_events.customer_id

),

ranked as (

    select
        best_channel.audience,
        best_channel.customer_id,
        best_channel.channel,
        best_channel.audience_priority,
        coalesce(recent_contacts.contacts_in_window, 0) as prior_contacts_in_window,
        row_number() over (partition by best_channel.customer_id order by best_channel.audience_priority) as audience_rank

    from best_channel
    left join recent_contacts
        on best_channel.customer_id = recent_contacts.customer_id

),

final as (

    select
        cast(ranked.audience as {{ dbt.type_string() }}) as audience,
        cast(ranked.customer_id as {{ dbt.type_string() }}) as customer_id,
        cast(ranked.channel as {{ dbt.type_string() }}) as channel,
        -- for activation: the normalised address hashed without salt, as ESP and ad-platform audience
        -- uploads match it, only on the channel the person's marketing consent covers (dim_customers:
        -- email trimmed and lower case, phone E.164)
        case
            when ranked.channel in ('email', 'ads') and customers.email is not null
                then lower({{ sha256_hex('customers.email') }})
        end as email_sha256,
        case
            when ranked.channel in ('sms', 'ads') and customers.phone is not null
                then lower({{ sha256_hex('customers.phone') }})
        end as phone_sha256,
        cast(ranked.audience_priority as integer) as audience_priority,
        cast(ranked.audience_rank as integer) as audience_rank,
        cast(ranked.prior_contacts_in_window as integer) as prior_contacts_in_window,
        cast(as_of.as_of_date as date) as as_of_date

    from ranked
    cross join as_of
    inner join customers
        on ranked.customer_id = customers.customer_id
    where ranked.prior_contacts_in_window + ranked.audience_rank <= {{ var('audience_frequency_cap') }}

)

select * from final
