-- Carts with activity but no order, idle for at least var abandoned_cart_after_hours before the end
-- of as_of_date.

with

carts as (

    select * from {{ ref('stg_shop__carts') }}

),

as_of as (

    select
        as_of_date,
        {{ dbt.dateadd('day', 1, 'as_of_date') }} as as_of_end

    from {{ ref('int_calendar__as_of_date') }}

),

abandoned as (

    select
        carts.cart_id,
        carts.shop_account_id,
        carts.anonymous_id,
        carts.cart_value,
        carts.created_at,
        carts.last_activity_at,
        {{ dbt.datediff('carts.last_activity_at', 'as_of.as_of_end', 'hour') }} as hours_idle

    from carts
    cross join as_of
    where carts.order_id is null
        and (coalesce(carts.cart_value, 0) > 0 or carts.last_activity_at > carts.created_at)
        and carts.created_at < as_of.as_of_end
        and carts.last_activity_at <= {{ dbt.dateadd('hour', -1 * var('abandoned_cart_after_hours'), 'as_of.as_of_end') }}

),

resolved as (

    {{ resolve_customer('abandoned', [
        ['shop_account_id', 'shop_account_id'],
        ['anonymous_id', 'anonymous_id'],
    ]) }}

),

final as (

    select
        ---------- ids
        cart_id,
        customer_id,
        shop_account_id,
        anonymous_id,
        source_identifier_type,

        ---------- measures
        {{ money('cart_value') }} as cart_value,
        cast(hours_idle as bigint) as hours_idle,

        ---------- timestamps
        created_at,
        last_activity_at

    from resolved
    where not is_erased

)

select * from final
