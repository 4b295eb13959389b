with

source as (

    select * from {{ source('shop', 'order_lines') }}

),

renamed as (

    select
        trim(order_id) as order_id,
        line_number,
        trim(sku) as sku,
        quantity,
        unit_price,
        quantity * unit_price as line_amount,
        _export_date,
        _loaded_at,
        _line_number

    from source

),

latest as (

    {{ deduplicate('renamed', 'order_id, line_number', '_export_date desc, _loaded_at desc, _line_number desc') }}

)

select * from latest
