-- One row per line of the orders in fct_orders (online order lines and till transaction lines).

with

orders as (

    select * from {{ ref('int_journey__orders') }}

),

shop_order_lines as (

    select * from {{ ref('stg_shop__order_lines') }}

),

pos_transaction_lines as (

    select * from {{ ref('stg_pos__transaction_lines') }}

),

lines as (

    select
        order_id,
        'online' as channel,
        line_number,
        sku,
        quantity,
        unit_price,
        line_amount

    from shop_order_lines

    union all

    select
        transaction_id as order_id,
        'store' as channel,
        line_number,
        sku,
        quantity,
        unit_price,
        line_amount

    from pos_transaction_lines

),

order_lines as (

    select
        ---------- ids
        lines.order_id,
        cast(lines.line_number as bigint) as line_number,
        orders.customer_id,
        lines.channel,
        lines.sku,

        ---------- measures
        cast(lines.quantity as bigint) as quantity,
        {{ money('lines.unit_price') }} as unit_price,
        {{ money('lines.line_amount') }} as line_amount,

        ---------- timestamps
        orders.ordered_at

    from lines
    inner join orders
        on lines.order_id = orders.order_id
        and lines.channel = orders.channel

)

select * from order_lines
