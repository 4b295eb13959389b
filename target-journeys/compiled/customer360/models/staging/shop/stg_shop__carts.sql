with

source as (

    select * from "fresh"."raw"."shop__carts"

),

renamed as (

    select
        trim(cart_id) as cart_id,
        nullif(trim(shop_account_id), '') as shop_account_id,
        nullif(trim(anonymous_id), '') as anonymous_id,
        nullif(trim(order_id), '') as order_id,
        cart_value,
        created_at,
        coalesce(last_activity_at, created_at) as last_activity_at,
        _export_date,
        _loaded_at,
        _line_number

    from source

),

-- a cart is exported again as it changes: the latest activity wins
latest as (

    select *
    from renamed
    qualify row_number() over (partition by cart_id order by last_activity_at desc, _export_date desc, _loaded_at desc, _line_number desc) = 1

)

select * from latest