with

source as (

    select * from "fresh"."raw"."pos__transactions"

),

stores as (

    select * from "fresh"."staging"."stg_pos__stores"

),

renamed as (

    select
        trim(transaction_id) as transaction_id,
        trim(store_id) as store_id,
        nullif(upper(regexp_replace(trim(loyalty_card_number), '[ -]', '', 'g')), '') as loyalty_card_number,
        total_amount,
        coalesce(upper(currency), 'GBP') as currency,
        transacted_at as transacted_at_local,
        _export_date,
        _loaded_at,
        _line_number

    from source

),

deduplicated as (

    select *
    from renamed
    qualify row_number() over (partition by transaction_id order by _export_date desc, _loaded_at desc, _line_number desc) = 1

),

-- tills record store-local time; everything downstream is UTC
in_utc as (

    select
        deduplicated.transaction_id,
        deduplicated.store_id,
        deduplicated.loyalty_card_number,
        deduplicated.total_amount,
        deduplicated.currency,
        deduplicated.transacted_at_local,
        timezone('UTC', timezone(coalesce(stores.timezone, 'UTC'), deduplicated.transacted_at_local)) as transacted_at,
        stores.timezone is null as is_store_unknown,
        deduplicated._export_date,
        deduplicated._loaded_at

    from deduplicated
    left join stores
        on deduplicated.store_id = stores.store_id

)

select * from in_utc