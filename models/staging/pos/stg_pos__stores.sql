with

source as (

    select * from {{ source('pos', 'stores') }}

),

renamed as (

    select
        trim(store_id) as store_id,
        nullif(trim(city), '') as city,
        nullif(upper(trim(country)), '') as country,
        trim(timezone) as timezone,
        _export_date,
        _loaded_at,
        _line_number

    from source

),

latest as (

    {{ deduplicate('renamed', 'store_id', '_export_date desc, _loaded_at desc, _line_number desc') }}

)

select * from latest
