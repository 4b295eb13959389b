-- placeholder until branch identity/journeys lands
-- TEMPORARY: carts never checked out, with the account's customer_id.
select
    carts.cart_id,
    bridge.customer_id,
    carts.last_activity_at,
    carts.cart_value
from {{ ref('stg_shop__carts') }} as carts
left join {{ ref('bdg_customer_identifiers') }} as bridge
    on bridge.identifier_type = 'shop_account_id' and bridge.identifier_value = carts.shop_account_id
where carts.order_id is null
