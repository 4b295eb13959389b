-- Purchases as of as_of_date: orders (int_journey__orders, the rows of fct_orders) that were neither
-- cancelled nor returned as of as_of_date, placed on or before it, by a published customer
-- (int_identity__customers, the customers of dim_customers; so an erased person's orders leave every
-- loyalty figure, aggregates included). Every loyalty figure about buying reads this.
-- A cancellation or return exported after as_of_date has not happened yet (int_journey__orders).
with

orders as (

    select * from {{ ref('int_journey__orders') }}

),

customers as (

    select customer_id from {{ ref('int_identity__customers') }}

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
