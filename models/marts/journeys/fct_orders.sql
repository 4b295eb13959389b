-- One row per purchase: online shop orders and store (till) transactions, as of as_of_date.

with

orders as (

    select * from {{ ref('int_journey__orders') }}

),

numbered as (

    select
        ---------- ids
        order_id,
        customer_id,
        channel,
        store_id,
        device_channel,
        source_identifier_type,

        ---------- attributes
        status,
        currency,
        -- the customer's nth purchase; cancelled orders and unknown customers are not counted
        case
            when customer_id is not null and status <> 'cancelled'
                then row_number() over (
                    partition by customer_id, status <> 'cancelled'
                    order by ordered_at, order_id
                )
        end as customer_order_number,

        ---------- measures
        {{ money('gross_amount') }} as gross_amount,
        {{ money('net_amount') }} as net_amount,
        item_count,

        ---------- timestamps
        ordered_at

    from orders

)

select * from numbered
