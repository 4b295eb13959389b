-- Purchases as of as_of_date: orders of fct_orders that were neither cancelled nor returned, placed on
-- or before as_of_date, by a customer of dim_customers (so an erased person's orders leave every loyalty
-- figure, aggregates included). Every loyalty figure about buying reads this.
-- Known limit: a status change (return) after as_of_date already applies; fct_orders has no status date.
with

orders as (

    select * from {{ ref('fct_orders') }}

),

customers as (

    select customer_id from {{ ref('dim_customers') }}

),

as_of as (

    select as_of_date from {{ ref('int_calendar__as_of_date') }}

),

purchases as (

    select
        ---------- ids
        orders.order_id,
        orders.customer_id,

        ---------- attributes
        orders.channel,

        ---------- numerics
        orders.net_amount,

        ---------- timestamps
        orders.ordered_at,
        cast(orders.ordered_at as date) as ordered_on,
        cast({{ dbt.date_trunc('month', 'orders.ordered_at') }} as date) as order_month

    from orders
    inner join customers
        on orders.customer_id = customers.customer_id
    cross join as_of
    where
        coalesce(orders.status, 'placed') not in ('cancelled', 'returned')
        and cast(orders.ordered_at as date) <= as_of.as_of_date

)

select * from purchases
