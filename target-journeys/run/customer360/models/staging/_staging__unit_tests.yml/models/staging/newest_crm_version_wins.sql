
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "crm_customer_id","city", 'actual' as "actual_or_expected"
  from (
    with

 __dbt__cte__crm__customers as (

-- Fixture for customers
select 
    
    cast('C1' as character varying)
 as "crm_customer_id", cast(null as character varying(256)) as "first_name", cast(null as character varying(256)) as "last_name", cast(null as character varying(256)) as "email", cast(null as character varying(256)) as "phone", cast(null as DATE) as "birth_date", cast(null as character varying(256)) as "street", cast(null as character varying(256)) as "postcode", 
    
    cast('Leeds' as character varying)
 as "city", cast(null as character varying(256)) as "country", cast(null as TIMESTAMP) as "created_at", 
    
    cast('2025-01-01 10:00:00' as TIMESTAMP)
 as "updated_at", cast(null as character varying(256)) as "_extra", cast(null as character varying(256)) as "_source_file", 
    
    cast(1 as BIGINT)
 as "_line_number", 
    
    cast('2025-01-01' as DATE)
 as "_export_date", 
    
    cast('2025-01-02 00:00:00' as TIMESTAMP)
 as "_loaded_at"
union all
select 
    
    cast('C1' as character varying)
 as "crm_customer_id", cast(null as character varying(256)) as "first_name", cast(null as character varying(256)) as "last_name", cast(null as character varying(256)) as "email", cast(null as character varying(256)) as "phone", cast(null as DATE) as "birth_date", cast(null as character varying(256)) as "street", cast(null as character varying(256)) as "postcode", 
    
    cast('York' as character varying)
 as "city", cast(null as character varying(256)) as "country", cast(null as TIMESTAMP) as "created_at", 
    
    cast('2025-02-01 10:00:00' as TIMESTAMP)
 as "updated_at", cast(null as character varying(256)) as "_extra", cast(null as character varying(256)) as "_source_file", 
    
    cast(1 as BIGINT)
 as "_line_number", 
    
    cast('2025-02-01' as DATE)
 as "_export_date", 
    
    cast('2025-02-02 00:00:00' as TIMESTAMP)
 as "_loaded_at"
), source as (

    select * from __dbt__cte__crm__customers

),

renamed as (

    select
        ---------- ids
        trim(crm_customer_id) as crm_customer_id,

        ---------- identifiers
        case
        when lower(trim(email)) like '%_@_%._%' then lower(trim(email))
    end as email,
        case when regexp_matches(case
            when regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g') like '+%' then '+' || regexp_replace(regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g'), '[^0-9]', '', 'g')
            when regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g') like '00%' then '+' || substr(regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g'), 3)
            when regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g') like '0%' then '+44' || substr(regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g'), 2)
            else '+' || regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g')
        end, '^\+[1-9][0-9]{7,14}$') then case
            when regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g') like '+%' then '+' || regexp_replace(regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g'), '[^0-9]', '', 'g')
            when regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g') like '00%' then '+' || substr(regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g'), 3)
            when regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g') like '0%' then '+44' || substr(regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g'), 2)
            else '+' || regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g')
        end end as phone,

        ---------- person
        nullif(trim(first_name), '') as first_name,
        nullif(trim(last_name), '') as last_name,
        birth_date,
        nullif(trim(street), '') as street,
        nullif(upper(trim(postcode)), '') as postcode,
        nullif(trim(city), '') as city,
        nullif(upper(trim(country)), '') as country,

        ---------- timestamps
        created_at,
        updated_at,

        ---------- lineage
        _export_date,
        _loaded_at,
        _line_number

    from source

),

-- a changed customer is exported again: the newest version wins
latest as (

    select *
    from renamed
    qualify row_number() over (partition by crm_customer_id order by updated_at desc, _export_date desc, _loaded_at desc, _line_number desc) = 1

)

select * from latest
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "crm_customer_id", "city", 'expected' as "actual_or_expected"
  from (
    select 
    
    cast('C1' as character varying)
 as "crm_customer_id", 
    
    cast('York' as character varying)
 as "city"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected