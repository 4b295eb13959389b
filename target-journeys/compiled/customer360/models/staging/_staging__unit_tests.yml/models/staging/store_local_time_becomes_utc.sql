with

 __dbt__cte__pos__transactions as (

-- Fixture for transactions
select 
    
    cast('X1' as character varying)
 as "transaction_id", 
    
    cast('S01' as character varying)
 as "store_id", cast(null as character varying(256)) as "loyalty_card_number", 
    
    cast('2025-07-01 12:00:00' as TIMESTAMP)
 as "transacted_at", 
    
    cast(10 as DOUBLE)
 as "total_amount", cast(null as character varying(256)) as "currency", cast(null as character varying(256)) as "_extra", cast(null as character varying(256)) as "_source_file", 
    
    cast(1 as BIGINT)
 as "_line_number", 
    
    cast('2025-07-01' as DATE)
 as "_export_date", 
    
    cast('2025-07-02 00:00:00' as TIMESTAMP)
 as "_loaded_at"
union all
select 
    
    cast('X2' as character varying)
 as "transaction_id", 
    
    cast('S02' as character varying)
 as "store_id", cast(null as character varying(256)) as "loyalty_card_number", 
    
    cast('2025-01-01 12:00:00' as TIMESTAMP)
 as "transacted_at", 
    
    cast(10 as DOUBLE)
 as "total_amount", cast(null as character varying(256)) as "currency", cast(null as character varying(256)) as "_extra", cast(null as character varying(256)) as "_source_file", 
    
    cast(1 as BIGINT)
 as "_line_number", 
    
    cast('2025-01-01' as DATE)
 as "_export_date", 
    
    cast('2025-01-02 00:00:00' as TIMESTAMP)
 as "_loaded_at"
union all
select 
    
    cast('X3' as character varying)
 as "transaction_id", 
    
    cast('S03' as character varying)
 as "store_id", cast(null as character varying(256)) as "loyalty_card_number", 
    
    cast('2025-07-01 00:30:00' as TIMESTAMP)
 as "transacted_at", 
    
    cast(10 as DOUBLE)
 as "total_amount", cast(null as character varying(256)) as "currency", cast(null as character varying(256)) as "_extra", cast(null as character varying(256)) as "_source_file", 
    
    cast(1 as BIGINT)
 as "_line_number", 
    
    cast('2025-07-01' as DATE)
 as "_export_date", 
    
    cast('2025-07-02 00:00:00' as TIMESTAMP)
 as "_loaded_at"
),  __dbt__cte__stg_pos__stores as (

-- Fixture for stg_pos__stores
select 
    
    cast('S01' as character varying)
 as "store_id", cast(null as character varying(256)) as "city", cast(null as character varying(256)) as "country", 
    
    cast('Europe/London' as character varying)
 as "timezone", cast(null as DATE) as "_export_date", cast(null as TIMESTAMP) as "_loaded_at", cast(null as BIGINT) as "_line_number"
union all
select 
    
    cast('S02' as character varying)
 as "store_id", cast(null as character varying(256)) as "city", cast(null as character varying(256)) as "country", 
    
    cast('Europe/London' as character varying)
 as "timezone", cast(null as DATE) as "_export_date", cast(null as TIMESTAMP) as "_loaded_at", cast(null as BIGINT) as "_line_number"
union all
select 
    
    cast('S03' as character varying)
 as "store_id", cast(null as character varying(256)) as "city", cast(null as character varying(256)) as "country", 
    
    cast('Europe/Amsterdam' as character varying)
 as "timezone", cast(null as DATE) as "_export_date", cast(null as TIMESTAMP) as "_loaded_at", cast(null as BIGINT) as "_line_number"
), source as (

    select * from __dbt__cte__pos__transactions

),

stores as (

    select * from __dbt__cte__stg_pos__stores

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