-- view: the shared shape of online orders and store transactions, read by fct_orders (a table) and
-- the incremental fct_touchpoints.

-- Online orders and till transactions in one shape, as of as_of_date, with their customer.
-- Erased people are dropped here, so nothing downstream sees them.


with

shop_orders as (

    select * from "fresh"."staging"."stg_shop__orders"

),

shop_order_lines as (

    select * from "fresh"."staging"."stg_shop__order_lines"

),

pos_transactions as (

    select * from "fresh"."staging"."stg_pos__transactions"

),

pos_transaction_lines as (

    select * from "fresh"."staging"."stg_pos__transaction_lines"

),

as_of as (

    select as_of_date from "fresh"."intermediate"."int_calendar__as_of_date"

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
        cast(null as varchar) as store_id,
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
        cast(null as varchar) as loyalty_card_number,
        -- the export day of the order's latest version (a status change re-exports it)
        case
            when shop_orders.status_changed_on <= as_of.as_of_date then shop_orders.status_changed_on
            else shop_orders._export_date
        end as _export_date

    from shop_orders
    cross join as_of
    left join shop_items
        on shop_orders.order_id = shop_items.order_id
    where shop_orders.ordered_at < 

    (as_of.as_of_date + cast(1 as bigint) * interval 1 day)

),

store as (

    select
        pos_transactions.transaction_id as order_id,
        'store' as channel,
        pos_transactions.store_id,
        cast(null as varchar) as device_channel,
        pos_transactions.transacted_at as ordered_at,
        'placed' as status,
        pos_transactions.total_amount as gross_amount,
        coalesce(pos_items.item_count, 0) as item_count,
        pos_transactions.currency,
        cast(null as varchar) as shop_account_id,
        cast(null as varchar) as guest_email,
        pos_transactions.loyalty_card_number,
        pos_transactions._export_date

    from pos_transactions
    cross join as_of
    left join pos_items
        on pos_transactions.transaction_id = pos_items.transaction_id
    where pos_transactions.transacted_at < 

    (as_of.as_of_date + cast(1 as bigint) * interval 1 day)

),

unioned as (

    select * from online
    union all
    select * from store

),

resolved as (

    select
        unioned.*,
        coalesce(
            lookup_1.customer_id,
            lookup_2.customer_id,
            lookup_3.customer_id
        ) as customer_id,
        case
            when lookup_1.customer_id is not null then 'shop_account_id'
            when lookup_2.customer_id is not null then 'email'
            when lookup_3.customer_id is not null then 'loyalty_card_number'
            when unioned.shop_account_id is not null then 'shop_account_id'
            when unioned.guest_email is not null then 'email'
            when unioned.loyalty_card_number is not null then 'loyalty_card_number'
        end as source_identifier_type,
        case
            when lookup_1.customer_id is not null then unioned.shop_account_id
            when lookup_2.customer_id is not null then unioned.guest_email
            when lookup_3.customer_id is not null then unioned.loyalty_card_number
            when unioned.shop_account_id is not null then unioned.shop_account_id
            when unioned.guest_email is not null then unioned.guest_email
            when unioned.loyalty_card_number is not null then unioned.loyalty_card_number
        end as source_identifier_value,
        (
            coalesce(lookup_1.is_erased, false) or
            coalesce(lookup_2.is_erased, false) or
            coalesce(lookup_3.is_erased, false)
        ) as is_erased

    from unioned
    left join "fresh"."intermediate"."int_journey__identifier_lookup" as lookup_1
        on lookup_1.identifier_type = 'shop_account_id'
        and lookup_1.identifier_value = unioned.shop_account_id
    left join "fresh"."intermediate"."int_journey__identifier_lookup" as lookup_2
        on lookup_2.identifier_type = 'email'
        and lookup_2.identifier_value = unioned.guest_email
    left join "fresh"."intermediate"."int_journey__identifier_lookup" as lookup_3
        on lookup_3.identifier_type = 'loyalty_card_number'
        and lookup_3.identifier_value = unioned.loyalty_card_number

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