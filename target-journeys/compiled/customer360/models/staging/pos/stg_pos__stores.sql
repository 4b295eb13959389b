with

source as (

    select * from "fresh"."raw"."pos__stores"

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

    select *
    from renamed
    qualify row_number() over (partition by store_id order by _export_date desc, _loaded_at desc, _line_number desc) = 1

)

select * from latest