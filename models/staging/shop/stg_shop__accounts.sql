with

source as (

    select * from {{ source('shop', 'accounts') }}

),

renamed as (

    select
        trim(shop_account_id) as shop_account_id,
        {{ normalise_email('email') }} as email,
        {{ normalise_phone('phone') }} as phone,
        nullif(trim(first_name), '') as first_name,
        nullif(trim(last_name), '') as last_name,
        created_at,
        _export_date,
        _loaded_at,
        _line_number

    from source

),

latest as (

    {{ deduplicate('renamed', 'shop_account_id', '_export_date desc, _loaded_at desc, _line_number desc') }}

)

select * from latest
