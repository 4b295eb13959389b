-- view: the shared shape of online orders and store transactions, read by fct_orders and
-- int_loyalty__purchases (tables) and by the incremental int_journey__touchpoints (through
-- int_journey__touchpoints_from_records).

-- Online orders and till transactions in one shape, as of as_of_date, with their customer.
-- Erased people are dropped here, so nothing downstream sees them.
{{ config(materialized='view') }}

with

shop_orders as (

    select * from {{ ref('stg_shop__orders') }}

),

shop_order_lines as (

    select * from {{ ref('stg_shop__order_lines') }}

),

pos_transactions as (

    select * from {{ ref('stg_pos__transactions') }}

),

pos_transaction_lines as (

    select * from {{ ref('stg_pos__transaction_lines') }}

),

as_of as (

    select as_of_date from {{ ref('int_calendar__as_of_date') }}

),

shop_items as (

    select
        order_id,
        sum(quantity) as item_count

    from shop_order_lines
    group by order_id

),

pos_items as (

    select
        transaction_id,
        sum(quantity) as item_count

    from pos_transaction_lines
    group by transaction_id

),

online as (

    select
        shop_orders.order_id,
        'online' as channel,
        cast(null as {{ dbt.type_string() }}) as store_id,
        coalesce(shop_orders.device_channel, 'web') as device_channel,
        shop_orders.ordered_at,
        -- a cancellation or return exported after as_of_date has not happened yet as of then
        case
            when shop_orders.status_changed_on > as_of.as_of_date then 'placed'
            else shop_orders.status
        end as status,
        shop_orders.order_total as gross_amount,
        coalesce(shop_items.item_count, 0) as item_count,
        shop_orders.currency,
        shop_orders.shop_account_id,
        shop_orders.guest_email,
        cast(null as {{ dbt.type_string() }}) as loyalty_card_number,
        -- the export day of the order's latest version (a status change re-exports it)
        case
            when shop_orders.status_changed_on <= as_of.as_of_date then shop_orders.status_changed_on
            else shop_orders._export_date
        end as _export_date

    from shop_orders
    cross join as_of
    left join shop_items
        on shop_orders.order_id = shop_items.order_id
    where shop_orders.ordered_at < {{ dbt.dateadd('day', 1, 'as_of.as_of_date') }}

),

store as (

    select
        pos_transactions.transaction_id as order_id,
        'store' as channel,
        pos_transactions.store_id,
        cast(null as {{ dbt.type_string() }}) as device_channel,
        pos_transactions.transacted_at as ordered_at,
        'placed' as status,
        pos_transactions.total_amount as gross_amount,
        coalesce(pos_items.item_count, 0) as item_count,
        pos_transactions.currency,
        cast(null as {{ dbt.type_string() }}) as shop_account_id,
        cast(null as {{ dbt.type_string() }}) as guest_email,
        pos_transactions.loyalty_card_number,
        pos_transactions._export_date

    from pos_transactions
    cross join as_of
    left join pos_items
        on pos_transactions.transaction_id = pos_items.transaction_id
    where pos_transactions.transacted_at < {{ dbt.dateadd('day', 1, 'as_of.as_of_date') }}

),

unioned as (

    select * from online
    union all
    select * from store

),

resolved as (

    {{ resolve_customer('unioned', [
        ['shop_account_id', 'shop_account_id'],
        ['email', 'guest_email'],
        ['loyalty_card_number', 'loyalty_card_number'],
    ]) }}

),

orders as (

    select
        order_id,
        customer_id,
        channel,
        store_id,
        device_channel,
        ordered_at,
        status,
        gross_amount,
        case when status = 'placed' then gross_amount else 0 end as net_amount,
        cast(item_count as bigint) as item_count,
        currency,
        source_identifier_type,
        source_identifier_value,
        _export_date

    from resolved
    where not is_erased

)

select * from orders
