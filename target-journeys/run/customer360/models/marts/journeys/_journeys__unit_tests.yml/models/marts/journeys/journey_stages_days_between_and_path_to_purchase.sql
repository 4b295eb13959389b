
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "customer_id","stage","stage_order","reached_at","channel","touchpoint_id","previous_stage","days_since_previous_stage","days_since_first_touch","channel_path", 'actual' as "actual_or_expected"
  from (
    -- One row per customer and journey stage reached (seed journey_stages), as of as_of_date, with the
-- days since the stage reached before it and, on first_purchase, the channel path that led there.

with

 __dbt__cte__fct_touchpoints as (

-- Fixture for fct_touchpoints
select 
    
    cast('email:1' as character varying)
 as "touchpoint_id", 
    
    cast('CUST1' as character varying)
 as "customer_id", cast(null as character varying(256)) as "session_id", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "source_identifier_value", 
    
    cast('email' as character varying)
 as "channel", 
    
    cast('email' as character varying)
 as "source", 
    
    cast('sent' as character varying)
 as "touchpoint_type", cast(null as character varying(256)) as "journey_stage", cast(null as DOUBLE) as "revenue", cast(null as BIGINT) as "engaged_seconds", 
    
    cast('2025-01-01 09:00:00' as TIMESTAMP)
 as "occurred_at", cast(null as DATE) as "_export_date"
union all
select 
    
    cast('web:1' as character varying)
 as "touchpoint_id", 
    
    cast('CUST1' as character varying)
 as "customer_id", cast(null as character varying(256)) as "session_id", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "source_identifier_value", 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('web' as character varying)
 as "source", 
    
    cast('page_view' as character varying)
 as "touchpoint_type", cast(null as character varying(256)) as "journey_stage", cast(null as DOUBLE) as "revenue", cast(null as BIGINT) as "engaged_seconds", 
    
    cast('2025-01-02 09:00:00' as TIMESTAMP)
 as "occurred_at", cast(null as DATE) as "_export_date"
union all
select 
    
    cast('email:2' as character varying)
 as "touchpoint_id", 
    
    cast('CUST1' as character varying)
 as "customer_id", cast(null as character varying(256)) as "session_id", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "source_identifier_value", 
    
    cast('email' as character varying)
 as "channel", 
    
    cast('email' as character varying)
 as "source", 
    
    cast('click' as character varying)
 as "touchpoint_type", cast(null as character varying(256)) as "journey_stage", cast(null as DOUBLE) as "revenue", cast(null as BIGINT) as "engaged_seconds", 
    
    cast('2025-01-03 09:00:00' as TIMESTAMP)
 as "occurred_at", cast(null as DATE) as "_export_date"
union all
select 
    
    cast('store:X1' as character varying)
 as "touchpoint_id", 
    
    cast('CUST1' as character varying)
 as "customer_id", cast(null as character varying(256)) as "session_id", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "source_identifier_value", 
    
    cast('store' as character varying)
 as "channel", 
    
    cast('pos' as character varying)
 as "source", 
    
    cast('store_purchase' as character varying)
 as "touchpoint_type", cast(null as character varying(256)) as "journey_stage", cast(null as DOUBLE) as "revenue", cast(null as BIGINT) as "engaged_seconds", 
    
    cast('2025-01-05 10:00:00' as TIMESTAMP)
 as "occurred_at", cast(null as DATE) as "_export_date"
union all
select 
    
    cast('order:O2' as character varying)
 as "touchpoint_id", 
    
    cast('CUST1' as character varying)
 as "customer_id", cast(null as character varying(256)) as "session_id", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "source_identifier_value", 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('shop' as character varying)
 as "source", 
    
    cast('order' as character varying)
 as "touchpoint_type", cast(null as character varying(256)) as "journey_stage", cast(null as DOUBLE) as "revenue", cast(null as BIGINT) as "engaged_seconds", 
    
    cast('2025-01-10 10:00:00' as TIMESTAMP)
 as "occurred_at", cast(null as DATE) as "_export_date"
union all
select 
    
    cast('nps:R1' as character varying)
 as "touchpoint_id", 
    
    cast('CUST1' as character varying)
 as "customer_id", cast(null as character varying(256)) as "session_id", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "source_identifier_value", 
    
    cast('survey' as character varying)
 as "channel", 
    
    cast('survey' as character varying)
 as "source", 
    
    cast('nps_promoter' as character varying)
 as "touchpoint_type", cast(null as character varying(256)) as "journey_stage", cast(null as DOUBLE) as "revenue", cast(null as BIGINT) as "engaged_seconds", 
    
    cast('2025-01-12 10:00:00' as TIMESTAMP)
 as "occurred_at", cast(null as DATE) as "_export_date"
union all
select 
    
    cast('web:anon' as character varying)
 as "touchpoint_id", 
    
    cast(null as character varying(256))
 as "customer_id", cast(null as character varying(256)) as "session_id", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "source_identifier_value", 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('web' as character varying)
 as "source", 
    
    cast('page_view' as character varying)
 as "touchpoint_type", cast(null as character varying(256)) as "journey_stage", cast(null as DOUBLE) as "revenue", cast(null as BIGINT) as "engaged_seconds", 
    
    cast('2024-12-01 10:00:00' as TIMESTAMP)
 as "occurred_at", cast(null as DATE) as "_export_date"
),  __dbt__cte__fct_orders as (

-- Fixture for fct_orders
select 
    
    cast('X1' as character varying)
 as "order_id", 
    
    cast('CUST1' as character varying)
 as "customer_id", 
    
    cast('store' as character varying)
 as "channel", cast(null as character varying(256)) as "store_id", cast(null as character varying(256)) as "device_channel", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "status", cast(null as character varying(256)) as "currency", 
    
    cast(1 as BIGINT)
 as "customer_order_number", cast(null as DOUBLE) as "gross_amount", cast(null as DOUBLE) as "net_amount", cast(null as BIGINT) as "item_count", 
    
    cast('2025-01-05 10:00:00' as TIMESTAMP)
 as "ordered_at"
union all
select 
    
    cast('O2' as character varying)
 as "order_id", 
    
    cast('CUST1' as character varying)
 as "customer_id", 
    
    cast('online' as character varying)
 as "channel", cast(null as character varying(256)) as "store_id", 
    
    cast('web' as character varying)
 as "device_channel", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "status", cast(null as character varying(256)) as "currency", 
    
    cast(2 as BIGINT)
 as "customer_order_number", cast(null as DOUBLE) as "gross_amount", cast(null as DOUBLE) as "net_amount", cast(null as BIGINT) as "item_count", 
    
    cast('2025-01-10 10:00:00' as TIMESTAMP)
 as "ordered_at"
),  __dbt__cte__touchpoint_types as (

-- Fixture for touchpoint_types
select 
    
    cast('web' as character varying)
 as "source", 
    
    cast('page_view' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('web' as character varying)
 as "source", 
    
    cast('search' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('web' as character varying)
 as "source", 
    
    cast('login' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('web' as character varying)
 as "source", 
    
    cast('logout' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('web' as character varying)
 as "source", 
    
    cast('add_to_cart' as character varying)
 as "touchpoint_type", 
    
    cast('intent' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('web' as character varying)
 as "source", 
    
    cast('remove_from_cart' as character varying)
 as "touchpoint_type", 
    
    cast('intent' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('web' as character varying)
 as "source", 
    
    cast('checkout' as character varying)
 as "touchpoint_type", 
    
    cast('intent' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('app' as character varying)
 as "source", 
    
    cast('app_open' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('app' as character varying)
 as "source", 
    
    cast('screen_view' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('app' as character varying)
 as "source", 
    
    cast('push_open' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('app' as character varying)
 as "source", 
    
    cast('login' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('app' as character varying)
 as "source", 
    
    cast('logout' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('app' as character varying)
 as "source", 
    
    cast('background' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('app' as character varying)
 as "source", 
    
    cast('add_to_cart' as character varying)
 as "touchpoint_type", 
    
    cast('intent' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('app' as character varying)
 as "source", 
    
    cast('checkout' as character varying)
 as "touchpoint_type", 
    
    cast('intent' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('shop' as character varying)
 as "source", 
    
    cast('cart' as character varying)
 as "touchpoint_type", 
    
    cast('intent' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('shop' as character varying)
 as "source", 
    
    cast('order' as character varying)
 as "touchpoint_type", 
    
    cast('purchase' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('pos' as character varying)
 as "source", 
    
    cast('store_purchase' as character varying)
 as "touchpoint_type", 
    
    cast('purchase' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('email' as character varying)
 as "source", 
    
    cast('sent' as character varying)
 as "touchpoint_type", 
    
    cast('awareness' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('email' as character varying)
 as "source", 
    
    cast('delivered' as character varying)
 as "touchpoint_type", 
    
    cast('awareness' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('email' as character varying)
 as "source", 
    
    cast('bounce' as character varying)
 as "touchpoint_type", 
    
    cast('awareness' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('email' as character varying)
 as "source", 
    
    cast('open' as character varying)
 as "touchpoint_type", 
    
    cast('awareness' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('email' as character varying)
 as "source", 
    
    cast('click' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('email' as character varying)
 as "source", 
    
    cast('unsubscribe' as character varying)
 as "touchpoint_type", 
    
    cast('retention' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('email' as character varying)
 as "source", 
    
    cast('complaint' as character varying)
 as "touchpoint_type", 
    
    cast('retention' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('care' as character varying)
 as "source", 
    
    cast('ticket_email' as character varying)
 as "touchpoint_type", 
    
    cast('service' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('care' as character varying)
 as "source", 
    
    cast('ticket_chat' as character varying)
 as "touchpoint_type", 
    
    cast('service' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('care' as character varying)
 as "source", 
    
    cast('ticket_phone' as character varying)
 as "touchpoint_type", 
    
    cast('service' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('care' as character varying)
 as "source", 
    
    cast('ticket_social' as character varying)
 as "touchpoint_type", 
    
    cast('service' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('survey' as character varying)
 as "source", 
    
    cast('nps_promoter' as character varying)
 as "touchpoint_type", 
    
    cast('advocacy' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('survey' as character varying)
 as "source", 
    
    cast('nps_passive' as character varying)
 as "touchpoint_type", 
    
    cast('advocacy' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('survey' as character varying)
 as "source", 
    
    cast('nps_detractor' as character varying)
 as "touchpoint_type", 
    
    cast('advocacy' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('reviews' as character varying)
 as "source", 
    
    cast('review_positive' as character varying)
 as "touchpoint_type", 
    
    cast('advocacy' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('reviews' as character varying)
 as "source", 
    
    cast('review_neutral' as character varying)
 as "touchpoint_type", 
    
    cast('advocacy' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('reviews' as character varying)
 as "source", 
    
    cast('review_negative' as character varying)
 as "touchpoint_type", 
    
    cast('advocacy' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('loyalty' as character varying)
 as "source", 
    
    cast('points_earn' as character varying)
 as "touchpoint_type", 
    
    cast('retention' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('loyalty' as character varying)
 as "source", 
    
    cast('points_redeem' as character varying)
 as "touchpoint_type", 
    
    cast('retention' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('loyalty' as character varying)
 as "source", 
    
    cast('points_expire' as character varying)
 as "touchpoint_type", 
    
    cast('retention' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('loyalty' as character varying)
 as "source", 
    
    cast('points_adjust' as character varying)
 as "touchpoint_type", 
    
    cast('retention' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
),  __dbt__cte__journey_stages as (

-- Fixture for journey_stages
select 
    
    cast('first_touch' as character varying)
 as "stage", 
    
    cast('1' as INTEGER)
 as "stage_order", 
    
    cast('The customer''s first touchpoint of any kind, any channel.' as character varying)
 as "definition"
union all
select 
    
    cast('engaged' as character varying)
 as "stage", 
    
    cast('2' as INTEGER)
 as "stage_order", 
    
    cast('The first touchpoint showing intent or a two-way interaction (seed touchpoint_types.is_engagement): a search, login, add to cart, checkout, cart, email click, push open, care ticket, survey answer or review.' as character varying)
 as "definition"
union all
select 
    
    cast('first_purchase' as character varying)
 as "stage", 
    
    cast('3' as INTEGER)
 as "stage_order", 
    
    cast('The first online order or store transaction that was not cancelled.' as character varying)
 as "definition"
union all
select 
    
    cast('repeat_purchase' as character varying)
 as "stage", 
    
    cast('4' as INTEGER)
 as "stage_order", 
    
    cast('The second online order or store transaction that was not cancelled.' as character varying)
 as "definition"
union all
select 
    
    cast('advocate' as character varying)
 as "stage", 
    
    cast('5' as INTEGER)
 as "stage_order", 
    
    cast('The first promoter NPS answer (score 9-10) or product review rated 4 or 5 stars.' as character varying)
 as "definition"
union all
select 
    
    cast('lapsed' as character varying)
 as "stage", 
    
    cast('6' as INTEGER)
 as "stage_order", 
    
    cast('No purchase for var churn_after_days days before as_of_date: reached churn_after_days after the last purchase. Only customers who have purchased can lapse.' as character varying)
 as "definition"
),  __dbt__cte__int_calendar__as_of_date as (

-- Fixture for int_calendar__as_of_date
select 
    
    cast('2025-08-01' as DATE)
 as "as_of_date", cast(null as BOOLEAN) as "is_pinned"
), touchpoints as (

    select * from __dbt__cte__fct_touchpoints
    where customer_id is not null

),

orders as (

    select * from __dbt__cte__fct_orders
    where customer_order_number is not null

),

touchpoint_types as (

    select * from __dbt__cte__touchpoint_types

),

journey_stages as (

    select * from __dbt__cte__journey_stages

),

as_of as (

    select
        as_of_date,
        

    (as_of_date + cast(1 as bigint) * interval 1 day) as as_of_end

    from __dbt__cte__int_calendar__as_of_date

),

typed_touchpoints as (

    select
        touchpoints.*,
        touchpoint_types.is_engagement,
        touchpoint_types.is_attributable,
        touchpoints.touchpoint_type in ('nps_promoter', 'review_positive') as is_advocacy

    from touchpoints
    left join touchpoint_types
        on touchpoints.source = touchpoint_types.source
        and touchpoints.touchpoint_type = touchpoint_types.touchpoint_type

),

purchases as (

    select
        customer_id,
        order_id,
        case when channel = 'store' then 'store:' else 'order:' end || order_id as touchpoint_id,
        case when channel = 'store' then 'store' else device_channel end as channel,
        ordered_at,
        customer_order_number

    from orders

),

---------- the moment each stage was reached

first_touches as (

    select
        customer_id,
        'first_touch' as stage,
        occurred_at as reached_at,
        touchpoint_id,
        channel,
        row_number() over (partition by customer_id order by occurred_at, touchpoint_id) as touch_rank

    from typed_touchpoints

),

engagements as (

    select
        customer_id,
        'engaged' as stage,
        occurred_at as reached_at,
        touchpoint_id,
        channel,
        row_number() over (partition by customer_id order by occurred_at, touchpoint_id) as touch_rank

    from typed_touchpoints
    where is_engagement

),

advocacies as (

    select
        customer_id,
        'advocate' as stage,
        occurred_at as reached_at,
        touchpoint_id,
        channel,
        row_number() over (partition by customer_id order by occurred_at, touchpoint_id) as touch_rank

    from typed_touchpoints
    where is_advocacy

),

purchase_stages as (

    select
        customer_id,
        case customer_order_number when 1 then 'first_purchase' else 'repeat_purchase' end as stage,
        ordered_at as reached_at,
        touchpoint_id,
        channel

    from purchases
    where customer_order_number <= 2

),

lapses as (

    select
        purchases.customer_id,
        'lapsed' as stage,
        

    (max(purchases.ordered_at) + cast(180 as bigint) * interval 1 day) as reached_at,
        cast(null as varchar) as touchpoint_id,
        cast(null as varchar) as channel

    from purchases
    group by purchases.customer_id
    having 

    (max(purchases.ordered_at) + cast(180 as bigint) * interval 1 day) < (select as_of_end from as_of)

),

reached as (

    select customer_id, stage, reached_at, touchpoint_id, channel from first_touches where touch_rank = 1
    union all
    select customer_id, stage, reached_at, touchpoint_id, channel from engagements where touch_rank = 1
    union all
    select customer_id, stage, reached_at, touchpoint_id, channel from purchase_stages
    union all
    select customer_id, stage, reached_at, touchpoint_id, channel from advocacies where touch_rank = 1
    union all
    select customer_id, stage, reached_at, touchpoint_id, channel from lapses

),

---------- the channels that led to the first purchase

first_purchases as (

    select * from purchase_stages where stage = 'first_purchase'

),

path_steps as (

    select
        typed_touchpoints.customer_id,
        typed_touchpoints.channel,
        typed_touchpoints.occurred_at,
        0 as is_purchase,
        typed_touchpoints.touchpoint_id

    from typed_touchpoints
    inner join first_purchases
        on typed_touchpoints.customer_id = first_purchases.customer_id
        and typed_touchpoints.occurred_at < first_purchases.reached_at
    where typed_touchpoints.is_attributable

    union all

    select
        customer_id,
        channel,
        reached_at,
        1 as is_purchase,
        touchpoint_id

    from first_purchases

),

-- consecutive touches in one channel are one step: 'web > email > web > store'
path_changes as (

    select
        path_steps.*,
        lag(channel) over (
            partition by customer_id
            order by occurred_at, is_purchase, touchpoint_id
        ) as previous_channel

    from path_steps

),

paths as (

    select
        customer_id,
        
    string_agg(
        channel,
        ' > '
        order by occurred_at, is_purchase, touchpoint_id
        ) as channel_path

    from path_changes
    where previous_channel is null or previous_channel <> channel
    group by customer_id

),

stages as (

    select
        ---------- ids
        reached.customer_id,
        reached.stage,
        journey_stages.stage_order,
        reached.touchpoint_id,

        ---------- attributes
        reached.channel,
        case when reached.stage = 'first_purchase' then paths.channel_path end as channel_path,
        lag(reached.stage) over (
            partition by reached.customer_id
            order by reached.reached_at, journey_stages.stage_order
        ) as previous_stage,

        ---------- measures
        
        (date_diff('day', lag(reached.reached_at) over (partition by reached.customer_id order by reached.reached_at, journey_stages.stage_order)::timestamp, reached.reached_at::timestamp ))
     as days_since_previous_stage,
        
        (date_diff('day', min(reached.reached_at) over (partition by reached.customer_id)::timestamp, reached.reached_at::timestamp ))
     as days_since_first_touch,

        ---------- timestamps
        reached.reached_at

    from reached
    inner join journey_stages
        on reached.stage = journey_stages.stage
    left join paths
        on reached.customer_id = paths.customer_id

)

select * from stages
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "customer_id", "stage", "stage_order", "reached_at", "channel", "touchpoint_id", "previous_stage", "days_since_previous_stage", "days_since_first_touch", "channel_path", 'expected' as "actual_or_expected"
  from (
    select 
    
    cast('CUST1' as character varying)
 as "customer_id", 
    
    cast('first_purchase' as character varying)
 as "stage", 
    
    cast(3 as INTEGER)
 as "stage_order", 
    
    cast('2025-01-05 10:00:00' as TIMESTAMP)
 as "reached_at", 
    
    cast('store' as character varying)
 as "channel", 
    
    cast('store:X1' as character varying)
 as "touchpoint_id", 
    
    cast('engaged' as character varying)
 as "previous_stage", 
    
    cast(2 as BIGINT)
 as "days_since_previous_stage", 
    
    cast(4 as BIGINT)
 as "days_since_first_touch", 
    
    cast('web > email > store' as character varying)
 as "channel_path"
union all
select 
    
    cast('CUST1' as character varying)
 as "customer_id", 
    
    cast('engaged' as character varying)
 as "stage", 
    
    cast(2 as INTEGER)
 as "stage_order", 
    
    cast('2025-01-03 09:00:00' as TIMESTAMP)
 as "reached_at", 
    
    cast('email' as character varying)
 as "channel", 
    
    cast('email:2' as character varying)
 as "touchpoint_id", 
    
    cast('first_touch' as character varying)
 as "previous_stage", 
    
    cast(2 as BIGINT)
 as "days_since_previous_stage", 
    
    cast(2 as BIGINT)
 as "days_since_first_touch", 
    
    cast(null as character varying(256))
 as "channel_path"
union all
select 
    
    cast('CUST1' as character varying)
 as "customer_id", 
    
    cast('first_touch' as character varying)
 as "stage", 
    
    cast(1 as INTEGER)
 as "stage_order", 
    
    cast('2025-01-01 09:00:00' as TIMESTAMP)
 as "reached_at", 
    
    cast('email' as character varying)
 as "channel", 
    
    cast('email:1' as character varying)
 as "touchpoint_id", 
    
    cast(null as character varying(256))
 as "previous_stage", 
    
    cast(null as BIGINT)
 as "days_since_previous_stage", 
    
    cast(0 as BIGINT)
 as "days_since_first_touch", 
    
    cast(null as character varying(256))
 as "channel_path"
union all
select 
    
    cast('CUST1' as character varying)
 as "customer_id", 
    
    cast('repeat_purchase' as character varying)
 as "stage", 
    
    cast(4 as INTEGER)
 as "stage_order", 
    
    cast('2025-01-10 10:00:00' as TIMESTAMP)
 as "reached_at", 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('order:O2' as character varying)
 as "touchpoint_id", 
    
    cast('first_purchase' as character varying)
 as "previous_stage", 
    
    cast(5 as BIGINT)
 as "days_since_previous_stage", 
    
    cast(9 as BIGINT)
 as "days_since_first_touch", 
    
    cast(null as character varying(256))
 as "channel_path"
union all
select 
    
    cast('CUST1' as character varying)
 as "customer_id", 
    
    cast('advocate' as character varying)
 as "stage", 
    
    cast(5 as INTEGER)
 as "stage_order", 
    
    cast('2025-01-12 10:00:00' as TIMESTAMP)
 as "reached_at", 
    
    cast('survey' as character varying)
 as "channel", 
    
    cast('nps:R1' as character varying)
 as "touchpoint_id", 
    
    cast('repeat_purchase' as character varying)
 as "previous_stage", 
    
    cast(2 as BIGINT)
 as "days_since_previous_stage", 
    
    cast(11 as BIGINT)
 as "days_since_first_touch", 
    
    cast(null as character varying(256))
 as "channel_path"
union all
select 
    
    cast('CUST1' as character varying)
 as "customer_id", 
    
    cast('lapsed' as character varying)
 as "stage", 
    
    cast(6 as INTEGER)
 as "stage_order", 
    
    cast('2025-07-09 10:00:00' as TIMESTAMP)
 as "reached_at", 
    
    cast(null as character varying(256))
 as "channel", 
    
    cast(null as character varying(256))
 as "touchpoint_id", 
    
    cast('advocate' as character varying)
 as "previous_stage", 
    
    cast(178 as BIGINT)
 as "days_since_previous_stage", 
    
    cast(189 as BIGINT)
 as "days_since_first_touch", 
    
    cast(null as character varying(256))
 as "channel_path"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected