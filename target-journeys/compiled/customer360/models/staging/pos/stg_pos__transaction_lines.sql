with

source as (

    select * from "fresh"."raw"."pos__transaction_lines"

),

renamed as (

    select
        trim(transaction_id) as transaction_id,
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

    select *
    from renamed
    qualify row_number() over (partition by transaction_id, line_number order by _export_date desc, _loaded_at desc, _line_number desc) = 1

)

select * from latest