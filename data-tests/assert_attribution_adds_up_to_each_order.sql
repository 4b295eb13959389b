-- Catches an order whose attribution does not add up under one of the models: credits not summing to 1
-- (a touchpoint counted twice, a missing 'unattributed' row) or revenue not summing to the order's
-- net_amount to the cent (a rounding slip in the linear split), and an order missing altogether. BI
-- sums any of the revenue columns without a filter and must get the orders' revenue.
{{ config(meta={'dagster': {'ref': {'name': 'fct_order_attribution'}}}) }}

with

orders as (

    select * from {{ ref('fct_orders') }}

),

attribution as (

    select
        order_id,
        sum(first_touch_credit) as first_touch_credit,
        sum(last_touch_credit) as last_touch_credit,
        sum(linear_credit) as linear_credit,
        sum(first_touch_revenue) as first_touch_revenue,
        sum(last_touch_revenue) as last_touch_revenue,
        sum(linear_revenue) as linear_revenue

    from {{ ref('fct_order_attribution') }}
    group by order_id

)

select
    orders.order_id,
    orders.net_amount,
    attribution.first_touch_revenue,
    attribution.last_touch_revenue,
    attribution.linear_revenue,
    attribution.linear_credit

from orders
left join attribution
    on orders.order_id = attribution.order_id
where attribution.order_id is null
    or abs(attribution.first_touch_credit - 1) > 1e-9
    or abs(attribution.last_touch_credit - 1) > 1e-9
    or abs(attribution.linear_credit - 1) > 1e-9
    or attribution.first_touch_revenue <> orders.net_amount
    or attribution.last_touch_revenue <> orders.net_amount
    or attribution.linear_revenue <> orders.net_amount
