
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "order_id","model","touchpoint_id","channel","credit","attributed_revenue", 'actual' as "actual_or_expected"
  from (
    -- Each order's credit spread over the customer's touchpoints in the var attribution_window_days
-- before it, by three models: first_touch, last_touch and linear. Credits per order and model sum
-- to 1; an order with no such touchpoint (or no known customer) gets one 'unattributed' row, so
-- attributed revenue per model adds up to fct_orders.net_amount.

with

 __dbt__cte__fct_orders as (

-- Fixture for fct_orders
select 
    
    cast('O1' as character varying)
 as "order_id", 
    
    cast('CUST1' as character varying)
 as "customer_id", cast(null as character varying(256)) as "channel", cast(null as character varying(256)) as "store_id", cast(null as character varying(256)) as "device_channel", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "status", cast(null as character varying(256)) as "currency", cast(null as BIGINT) as "customer_order_number", cast(null as DOUBLE) as "gross_amount", 
    
    cast(100.0 as DOUBLE)
 as "net_amount", cast(null as BIGINT) as "item_count", 
    
    cast('2025-03-31 12:00:00' as TIMESTAMP)
 as "ordered_at"
union all
select 
    
    cast('O2' as character varying)
 as "order_id", 
    
    cast('CUST3' as character varying)
 as "customer_id", cast(null as character varying(256)) as "channel", cast(null as character varying(256)) as "store_id", cast(null as character varying(256)) as "device_channel", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "status", cast(null as character varying(256)) as "currency", cast(null as BIGINT) as "customer_order_number", cast(null as DOUBLE) as "gross_amount", 
    
    cast(40.0 as DOUBLE)
 as "net_amount", cast(null as BIGINT) as "item_count", 
    
    cast('2025-03-31 12:00:00' as TIMESTAMP)
 as "ordered_at"
),  __dbt__cte__fct_touchpoints as (

-- Fixture for fct_touchpoints
select 
    
    cast('email:old' as character varying)
 as "touchpoint_id", 
    
    cast('CUST1' as character varying)
 as "customer_id", cast(null as character varying(256)) as "session_id", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "source_identifier_value", 
    
    cast('email' as character varying)
 as "channel", 
    
    cast('email' as character varying)
 as "source", 
    
    cast('click' as character varying)
 as "touchpoint_type", cast(null as character varying(256)) as "journey_stage", cast(null as DOUBLE) as "revenue", cast(null as BIGINT) as "engaged_seconds", 
    
    cast('2025-03-01 11:59:59' as TIMESTAMP)
 as "occurred_at", cast(null as DATE) as "_export_date"
union all
select 
    
    cast('email:edge' as character varying)
 as "touchpoint_id", 
    
    cast('CUST1' as character varying)
 as "customer_id", cast(null as character varying(256)) as "session_id", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "source_identifier_value", 
    
    cast('email' as character varying)
 as "channel", 
    
    cast('email' as character varying)
 as "source", 
    
    cast('click' as character varying)
 as "touchpoint_type", cast(null as character varying(256)) as "journey_stage", cast(null as DOUBLE) as "revenue", cast(null as BIGINT) as "engaged_seconds", 
    
    cast('2025-03-01 12:00:00' as TIMESTAMP)
 as "occurred_at", cast(null as DATE) as "_export_date"
union all
select 
    
    cast('web:v1' as character varying)
 as "touchpoint_id", 
    
    cast('CUST1' as character varying)
 as "customer_id", 
    
    cast('S1' as character varying)
 as "session_id", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "source_identifier_value", 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('web' as character varying)
 as "source", 
    
    cast('page_view' as character varying)
 as "touchpoint_type", cast(null as character varying(256)) as "journey_stage", cast(null as DOUBLE) as "revenue", cast(null as BIGINT) as "engaged_seconds", 
    
    cast('2025-03-10 10:00:00' as TIMESTAMP)
 as "occurred_at", cast(null as DATE) as "_export_date"
union all
select 
    
    cast('web:v2' as character varying)
 as "touchpoint_id", 
    
    cast('CUST1' as character varying)
 as "customer_id", 
    
    cast('S1' as character varying)
 as "session_id", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "source_identifier_value", 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('web' as character varying)
 as "source", 
    
    cast('add_to_cart' as character varying)
 as "touchpoint_type", cast(null as character varying(256)) as "journey_stage", cast(null as DOUBLE) as "revenue", cast(null as BIGINT) as "engaged_seconds", 
    
    cast('2025-03-10 10:05:00' as TIMESTAMP)
 as "occurred_at", cast(null as DATE) as "_export_date"
union all
select 
    
    cast('email:sent' as character varying)
 as "touchpoint_id", 
    
    cast('CUST1' as character varying)
 as "customer_id", cast(null as character varying(256)) as "session_id", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "source_identifier_value", 
    
    cast('email' as character varying)
 as "channel", 
    
    cast('email' as character varying)
 as "source", 
    
    cast('sent' as character varying)
 as "touchpoint_type", cast(null as character varying(256)) as "journey_stage", cast(null as DOUBLE) as "revenue", cast(null as BIGINT) as "engaged_seconds", 
    
    cast('2025-03-20 09:00:00' as TIMESTAMP)
 as "occurred_at", cast(null as DATE) as "_export_date"
union all
select 
    
    cast('web:at' as character varying)
 as "touchpoint_id", 
    
    cast('CUST1' as character varying)
 as "customer_id", 
    
    cast('S2' as character varying)
 as "session_id", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "source_identifier_value", 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('web' as character varying)
 as "source", 
    
    cast('page_view' as character varying)
 as "touchpoint_type", cast(null as character varying(256)) as "journey_stage", cast(null as DOUBLE) as "revenue", cast(null as BIGINT) as "engaged_seconds", 
    
    cast('2025-03-31 12:00:00' as TIMESTAMP)
 as "occurred_at", cast(null as DATE) as "_export_date"
union all
select 
    
    cast('email:other' as character varying)
 as "touchpoint_id", 
    
    cast('CUST2' as character varying)
 as "customer_id", cast(null as character varying(256)) as "session_id", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "source_identifier_value", 
    
    cast('email' as character varying)
 as "channel", 
    
    cast('email' as character varying)
 as "source", 
    
    cast('click' as character varying)
 as "touchpoint_type", cast(null as character varying(256)) as "journey_stage", cast(null as DOUBLE) as "revenue", cast(null as BIGINT) as "engaged_seconds", 
    
    cast('2025-03-30 09:00:00' as TIMESTAMP)
 as "occurred_at", cast(null as DATE) as "_export_date"
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
), orders as (

    select * from __dbt__cte__fct_orders

),

touchpoints as (

    select * from __dbt__cte__fct_touchpoints
    where customer_id is not null

),

touchpoint_types as (

    select * from __dbt__cte__touchpoint_types
    where is_attributable

),

-- a web or app visit counts once, by its first attributable interaction; purchases, service and
-- system messages (email sent, points) earn no credit (seed touchpoint_types.is_attributable)
eligible_touchpoints as (

    select
        touchpoints.touchpoint_id,
        touchpoints.customer_id,
        touchpoints.channel,
        touchpoints.touchpoint_type,
        touchpoints.occurred_at,
        row_number() over (
            partition by coalesce(touchpoints.session_id, touchpoints.touchpoint_id)
            order by touchpoints.occurred_at, touchpoints.touchpoint_id
        ) as visit_rank

    from touchpoints
    inner join touchpoint_types
        on touchpoints.source = touchpoint_types.source
        and touchpoints.touchpoint_type = touchpoint_types.touchpoint_type

),

candidates as (

    select
        orders.order_id,
        orders.net_amount,
        eligible_touchpoints.touchpoint_id,
        eligible_touchpoints.channel,
        eligible_touchpoints.touchpoint_type,
        eligible_touchpoints.occurred_at,
        row_number() over (
            partition by orders.order_id
            order by eligible_touchpoints.occurred_at, eligible_touchpoints.touchpoint_id
        ) as from_first,
        row_number() over (
            partition by orders.order_id
            order by eligible_touchpoints.occurred_at desc, eligible_touchpoints.touchpoint_id desc
        ) as from_last,
        count(*) over (partition by orders.order_id) as touchpoint_count

    from orders
    inner join eligible_touchpoints
        on orders.customer_id = eligible_touchpoints.customer_id
        and eligible_touchpoints.occurred_at < orders.ordered_at
        and eligible_touchpoints.occurred_at >= 

    (orders.ordered_at + cast(-30 as bigint) * interval 1 day)
    where eligible_touchpoints.visit_rank = 1

),

credited as (

    select order_id, net_amount, touchpoint_id, channel, touchpoint_type, occurred_at,
        'first_touch' as model, 1.0 as credit
    from candidates
    where from_first = 1

    union all

    select order_id, net_amount, touchpoint_id, channel, touchpoint_type, occurred_at,
        'last_touch' as model, 1.0 as credit
    from candidates
    where from_last = 1

    union all

    select order_id, net_amount, touchpoint_id, channel, touchpoint_type, occurred_at,
        'linear' as model, 1.0 / touchpoint_count as credit
    from candidates

),

unattributed as (
    select
        orders.order_id,
        orders.net_amount,
        cast(null as varchar) as touchpoint_id,
        'unattributed' as channel,
        cast(null as varchar) as touchpoint_type,
        cast(null as timestamp) as occurred_at,
        'first_touch' as model,
        1.0 as credit

    from orders
    where not exists (select 1 from candidates where candidates.order_id = orders.order_id)
    union all
    select
        orders.order_id,
        orders.net_amount,
        cast(null as varchar) as touchpoint_id,
        'unattributed' as channel,
        cast(null as varchar) as touchpoint_type,
        cast(null as timestamp) as occurred_at,
        'last_touch' as model,
        1.0 as credit

    from orders
    where not exists (select 1 from candidates where candidates.order_id = orders.order_id)
    union all
    select
        orders.order_id,
        orders.net_amount,
        cast(null as varchar) as touchpoint_id,
        'unattributed' as channel,
        cast(null as varchar) as touchpoint_type,
        cast(null as timestamp) as occurred_at,
        'linear' as model,
        1.0 as credit

    from orders
    where not exists (select 1 from candidates where candidates.order_id = orders.order_id)
    

),

attribution as (

    select * from credited
    union all
    select * from unattributed

),

final as (

    select
        ---------- ids
        attribution.order_id,
        attribution.model,
        attribution.touchpoint_id,
        orders.customer_id,

        ---------- attributes
        attribution.channel,
        attribution.touchpoint_type,

        ---------- measures
        cast(attribution.credit as double) as credit,
        cast(attribution.credit * attribution.net_amount as double) as attributed_revenue,

        ---------- timestamps
        attribution.occurred_at as touchpoint_occurred_at,
        orders.ordered_at

    from attribution
    inner join orders
        on attribution.order_id = orders.order_id

)

select * from final
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "order_id", "model", "touchpoint_id", "channel", "credit", "attributed_revenue", 'expected' as "actual_or_expected"
  from (
    select 
    
    cast('O1' as character varying)
 as "order_id", 
    
    cast('first_touch' as character varying)
 as "model", 
    
    cast('email:edge' as character varying)
 as "touchpoint_id", 
    
    cast('email' as character varying)
 as "channel", 
    
    cast(1.0 as DOUBLE)
 as "credit", 
    
    cast(100.0 as DOUBLE)
 as "attributed_revenue"
union all
select 
    
    cast('O1' as character varying)
 as "order_id", 
    
    cast('last_touch' as character varying)
 as "model", 
    
    cast('web:v1' as character varying)
 as "touchpoint_id", 
    
    cast('web' as character varying)
 as "channel", 
    
    cast(1.0 as DOUBLE)
 as "credit", 
    
    cast(100.0 as DOUBLE)
 as "attributed_revenue"
union all
select 
    
    cast('O1' as character varying)
 as "order_id", 
    
    cast('linear' as character varying)
 as "model", 
    
    cast('email:edge' as character varying)
 as "touchpoint_id", 
    
    cast('email' as character varying)
 as "channel", 
    
    cast(0.5 as DOUBLE)
 as "credit", 
    
    cast(50.0 as DOUBLE)
 as "attributed_revenue"
union all
select 
    
    cast('O1' as character varying)
 as "order_id", 
    
    cast('linear' as character varying)
 as "model", 
    
    cast('web:v1' as character varying)
 as "touchpoint_id", 
    
    cast('web' as character varying)
 as "channel", 
    
    cast(0.5 as DOUBLE)
 as "credit", 
    
    cast(50.0 as DOUBLE)
 as "attributed_revenue"
union all
select 
    
    cast('O2' as character varying)
 as "order_id", 
    
    cast('first_touch' as character varying)
 as "model", 
    
    cast(null as character varying(256))
 as "touchpoint_id", 
    
    cast('unattributed' as character varying)
 as "channel", 
    
    cast(1.0 as DOUBLE)
 as "credit", 
    
    cast(40.0 as DOUBLE)
 as "attributed_revenue"
union all
select 
    
    cast('O2' as character varying)
 as "order_id", 
    
    cast('last_touch' as character varying)
 as "model", 
    
    cast(null as character varying(256))
 as "touchpoint_id", 
    
    cast('unattributed' as character varying)
 as "channel", 
    
    cast(1.0 as DOUBLE)
 as "credit", 
    
    cast(40.0 as DOUBLE)
 as "attributed_revenue"
union all
select 
    
    cast('O2' as character varying)
 as "order_id", 
    
    cast('linear' as character varying)
 as "model", 
    
    cast(null as character varying(256))
 as "touchpoint_id", 
    
    cast('unattributed' as character varying)
 as "channel", 
    
    cast(1.0 as DOUBLE)
 as "credit", 
    
    cast(40.0 as DOUBLE)
 as "attributed_revenue"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected