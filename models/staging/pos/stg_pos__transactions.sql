with

source as (

    select * from {{ source('pos', 'transactions') }}

),

stores as (

    select * from {{ ref('stg_pos__stores') }}

),

renamed as (

    select
        trim(transaction_id) as transaction_id,
        trim(store_id) as store_id,
        {{ normalise_card_number('loyalty_card_number') }} as loyalty_card_number,
        total_amount,
        coalesce(upper(currency), 'GBP') as currency,
        transacted_at as transacted_at_local,
        _export_date,
        _loaded_at,
        _line_number

    from source

),

deduplicated as (

    {{ deduplicate('renamed', 'transaction_id', '_export_date desc, _loaded_at desc, _line_number desc') }}

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
        {{ to_utc('deduplicated.transacted_at_local', "coalesce(stores.timezone, 'UTC')") }} as transacted_at,
        stores.timezone is null as is_store_unknown,
        deduplicated._export_date,
        deduplicated._loaded_at

    from deduplicated
    left join stores
        on deduplicated.store_id = stores.store_id

)

select * from in_utc
