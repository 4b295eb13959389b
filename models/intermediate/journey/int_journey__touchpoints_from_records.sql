-- view: read by the incremental int_journey__touchpoints with its batch filter on _export_date.

-- Every interaction that is a record rather than a clickstream event (orders, till transactions,
-- carts, email events, care tickets, NPS answers, reviews, loyalty points) in the touchpoint shape,
-- as of as_of_date, with its customer from the fact's best identifier. Erased facts are dropped.
{{ config(materialized='view') }}

with

orders as (

    select * from {{ ref('int_journey__orders') }}

),

carts as (

    select * from {{ ref('stg_shop__carts') }}

),

email_events as (

    select * from {{ ref('stg_email__events') }}

),

care_tickets as (

    select * from {{ ref('stg_care__tickets') }}

),

nps_responses as (

    select * from {{ ref('stg_survey__nps_responses') }}

),

reviews as (

    select * from {{ ref('stg_reviews__reviews') }}

),

loyalty_points as (

    select * from {{ ref('stg_loyalty__points') }}

),

as_of as (

    select {{ dbt.dateadd('day', 1, 'as_of_date') }} as as_of_end
    from {{ ref('int_calendar__as_of_date') }}

),

---------- one CTE per source: the touchpoint and the identifiers it arrived with

cart_touchpoints as (

    select
        'cart:' || carts.cart_id as touchpoint_id,
        'web' as channel,
        'shop' as source,
        'cart' as touchpoint_type,
        carts.created_at as occurred_at,
        cast(null as double) as revenue,
        carts.shop_account_id,
        carts.anonymous_id,
        carts._export_date

    from carts
    cross join as_of
    where carts.created_at < as_of.as_of_end

),

carts_resolved as (

    {{ resolve_customer('cart_touchpoints', [['shop_account_id', 'shop_account_id'], ['anonymous_id', 'anonymous_id']]) }}

),

email_touchpoints as (

    select
        'email:' || email_events.event_id as touchpoint_id,
        'email' as channel,
        'email' as source,
        email_events.event_type as touchpoint_type,
        email_events.occurred_at,
        cast(null as double) as revenue,
        email_events.email,
        email_events._export_date

    from email_events
    cross join as_of
    where email_events.occurred_at < as_of.as_of_end

),

email_resolved as (

    {{ resolve_customer('email_touchpoints', [['email', 'email']]) }}

),

care_touchpoints as (

    select
        'care:' || care_tickets.ticket_id as touchpoint_id,
        'care' as channel,
        'care' as source,
        'ticket_' || care_tickets.channel as touchpoint_type,
        care_tickets.opened_at as occurred_at,
        cast(null as double) as revenue,
        care_tickets.contact_email,
        care_tickets.contact_phone,
        care_tickets.social_handle,
        care_tickets._export_date

    from care_tickets
    cross join as_of
    where care_tickets.opened_at < as_of.as_of_end

),

care_resolved as (

    {{ resolve_customer('care_touchpoints', [
        ['email', 'contact_email'],
        ['phone', 'contact_phone'],
        ['social_handle', 'social_handle'],
    ]) }}

),

nps_touchpoints as (

    select
        'nps:' || nps_responses.response_id as touchpoint_id,
        'survey' as channel,
        'survey' as source,
        'nps_' || nps_responses.nps_category as touchpoint_type,
        nps_responses.answered_at as occurred_at,
        cast(null as double) as revenue,
        nps_responses.crm_customer_id,
        nps_responses.email,
        nps_responses._export_date

    from nps_responses
    cross join as_of
    where nps_responses.answered_at < as_of.as_of_end

),

nps_resolved as (

    {{ resolve_customer('nps_touchpoints', [['crm_customer_id', 'crm_customer_id'], ['email', 'email']]) }}

),

review_touchpoints as (

    select
        'review:' || reviews.review_id as touchpoint_id,
        'review' as channel,
        'reviews' as source,
        case
            when reviews.rating >= 4 then 'review_positive'
            when reviews.rating = 3 then 'review_neutral'
            else 'review_negative'
        end as touchpoint_type,
        reviews.submitted_at as occurred_at,
        cast(null as double) as revenue,
        reviews.shop_account_id,
        reviews.email,
        reviews._export_date

    from reviews
    cross join as_of
    where reviews.submitted_at < as_of.as_of_end

),

reviews_resolved as (

    {{ resolve_customer('review_touchpoints', [['shop_account_id', 'shop_account_id'], ['email', 'email']]) }}

),

loyalty_touchpoints as (

    select
        'loyalty:' || loyalty_points.entry_id as touchpoint_id,
        'loyalty' as channel,
        'loyalty' as source,
        'points_' || loyalty_points.reason as touchpoint_type,
        loyalty_points.occurred_at,
        cast(null as double) as revenue,
        loyalty_points.loyalty_card_number,
        loyalty_points._export_date

    from loyalty_points
    cross join as_of
    where loyalty_points.occurred_at < as_of.as_of_end

),

loyalty_resolved as (

    {{ resolve_customer('loyalty_touchpoints', [['loyalty_card_number', 'loyalty_card_number']]) }}

),

-- orders are resolved (and erased ones dropped) in int_journey__orders
order_touchpoints as (

    select
        case when channel = 'store' then 'store:' else 'order:' end || order_id as touchpoint_id,
        case when channel = 'store' then 'store' else device_channel end as channel,
        case when channel = 'store' then 'pos' else 'shop' end as source,
        case when channel = 'store' then 'store_purchase' else 'order' end as touchpoint_type,
        ordered_at as occurred_at,
        net_amount as revenue,
        customer_id,
        source_identifier_type,
        source_identifier_value,
        false as is_erased,
        _export_date

    from orders

),

{%- set shared_columns = 'touchpoint_id, channel, source, touchpoint_type, occurred_at, revenue, customer_id, source_identifier_type, source_identifier_value, is_erased, _export_date' %}

unioned as (

    select {{ shared_columns }} from order_touchpoints
    union all
    select {{ shared_columns }} from carts_resolved
    union all
    select {{ shared_columns }} from email_resolved
    union all
    select {{ shared_columns }} from care_resolved
    union all
    select {{ shared_columns }} from nps_resolved
    union all
    select {{ shared_columns }} from reviews_resolved
    union all
    select {{ shared_columns }} from loyalty_resolved

),

kept as (

    select
        touchpoint_id,
        customer_id,
        channel,
        source,
        touchpoint_type,
        occurred_at,
        revenue,
        source_identifier_type,
        source_identifier_value,
        _export_date

    from unioned
    where not is_erased

)

select * from kept
