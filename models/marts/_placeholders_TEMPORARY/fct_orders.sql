-- placeholder until branch identity/journeys lands
-- TEMPORARY: online orders (account, else guest email) and till transactions (loyalty card) with the
-- customer_id of the placeholder bridge.
with

bridge as (select * from {{ ref('bdg_customer_identifiers') }}),
orders as (select * from {{ ref('stg_shop__orders') }}),
order_lines as (select * from {{ ref('stg_shop__order_lines') }}),
transactions as (select * from {{ ref('stg_pos__transactions') }}),
transaction_lines as (select * from {{ ref('stg_pos__transaction_lines') }}),

online as (
    select
        orders.order_id,
        coalesce(by_account.customer_id, by_email.customer_id) as customer_id,
        'online' as channel,
        cast(null as varchar) as store_id,
        orders.ordered_at,
        orders.order_total as gross_amount,
        case when orders.status in ('cancelled', 'returned') then 0 else orders.order_total end as net_amount,
        orders.status,
        (select coalesce(sum(quantity), 0) from order_lines where order_lines.order_id = orders.order_id) as item_count,
        orders.currency
    from orders
    left join bridge as by_account
        on by_account.identifier_type = 'shop_account_id' and by_account.identifier_value = orders.shop_account_id
    left join bridge as by_email
        on by_email.identifier_type = 'email' and by_email.identifier_value = orders.guest_email
),

store as (
    select
        transactions.transaction_id as order_id,
        bridge.customer_id,
        'store' as channel,
        transactions.store_id,
        transactions.transacted_at as ordered_at,
        transactions.total_amount as gross_amount,
        transactions.total_amount as net_amount,
        'placed' as status,
        (select coalesce(sum(quantity), 0) from transaction_lines
         where transaction_lines.transaction_id = transactions.transaction_id) as item_count,
        transactions.currency
    from transactions
    left join bridge
        on bridge.identifier_type = 'loyalty_card_number' and bridge.identifier_value = transactions.loyalty_card_number
)

select * from online
union all
select * from store
