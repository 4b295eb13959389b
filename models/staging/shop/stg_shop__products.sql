with

source as (

    select * from {{ source('shop', 'products') }}

),

renamed as (

    select
        ---------- ids
        trim(sku) as sku,

        ---------- attributes
        nullif(trim(product_name), '') as product_name,
        nullif(lower(trim(category)), '') as category,
        coalesce(nullif(upper(trim(currency)), ''), 'GBP') as currency,

        ---------- numerics
        list_price,

        ---------- lineage
        _export_date,
        _loaded_at,
        _line_number

    from source

),

latest as (

    {{ deduplicate('renamed', 'sku', '_export_date desc, _loaded_at desc, _line_number desc') }}

)

select * from latest
