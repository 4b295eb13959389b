
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "customer_id","first_name","first_name_source","last_name","email","email_source","street","city","address_source", 'actual' as "actual_or_expected"
  from (
    -- Survivorship: one row per customer with each golden attribute and the source it came from.
-- Per attribute, among the records that have it: the best source by var source_priority, then the
-- most recent record, then the most complete, then the smallest value (so ties are deterministic).
-- The address (street, postcode, city, country) survives as one piece from one record, so a street
-- never pairs with another record's city.

with

 __dbt__cte__int_identity__attribute_candidates as (

-- Fixture for int_identity__attribute_candidates
select 
    
    cast('K1' as character varying)
 as "customer_id", 
    
    cast('crm' as character varying)
 as "source", 
    
    cast('1' as INTEGER)
 as "source_priority", 
    
    cast('2024-01-01 00:00:00' as TIMESTAMP)
 as "recorded_at", 
    
    cast('3' as INTEGER)
 as "completeness", 
    
    cast('Ann' as character varying)
 as "first_name", 
    
    cast(null as character varying(256))
 as "last_name", 
    
    cast(null as character varying(256))
 as "email", 
    
    cast(null as character varying(256))
 as "phone", 
    
    cast(null as DATE)
 as "birth_date", 
    
    cast(null as character varying(256))
 as "street", 
    
    cast(null as character varying(256))
 as "postcode", 
    
    cast('Leeds' as character varying)
 as "city", 
    
    cast('GB' as character varying)
 as "country"
union all
select 
    
    cast('K1' as character varying)
 as "customer_id", 
    
    cast('crm' as character varying)
 as "source", 
    
    cast('1' as INTEGER)
 as "source_priority", 
    
    cast('2024-01-01 00:00:00' as TIMESTAMP)
 as "recorded_at", 
    
    cast('6' as INTEGER)
 as "completeness", 
    
    cast('Anne' as character varying)
 as "first_name", 
    
    cast('Lee' as character varying)
 as "last_name", 
    
    cast(null as character varying(256))
 as "email", 
    
    cast(null as character varying(256))
 as "phone", 
    
    cast(null as DATE)
 as "birth_date", 
    
    cast('1 High St' as character varying)
 as "street", 
    
    cast('LS1 1AA' as character varying)
 as "postcode", 
    
    cast('York' as character varying)
 as "city", 
    
    cast('GB' as character varying)
 as "country"
union all
select 
    
    cast('K2' as character varying)
 as "customer_id", 
    
    cast('shop' as character varying)
 as "source", 
    
    cast('3' as INTEGER)
 as "source_priority", 
    
    cast('2025-01-01 00:00:00' as TIMESTAMP)
 as "recorded_at", 
    
    cast('2' as INTEGER)
 as "completeness", 
    
    cast('Bob' as character varying)
 as "first_name", 
    
    cast('Shop' as character varying)
 as "last_name", 
    
    cast(null as character varying(256))
 as "email", 
    
    cast(null as character varying(256))
 as "phone", 
    
    cast(null as DATE)
 as "birth_date", 
    
    cast(null as character varying(256))
 as "street", 
    
    cast(null as character varying(256))
 as "postcode", 
    
    cast(null as character varying(256))
 as "city", 
    
    cast(null as character varying(256))
 as "country"
union all
select 
    
    cast('K2' as character varying)
 as "customer_id", 
    
    cast('crm' as character varying)
 as "source", 
    
    cast('1' as INTEGER)
 as "source_priority", 
    
    cast('2020-01-01 00:00:00' as TIMESTAMP)
 as "recorded_at", 
    
    cast('2' as INTEGER)
 as "completeness", 
    
    cast('Robert' as character varying)
 as "first_name", 
    
    cast('Crm' as character varying)
 as "last_name", 
    
    cast(null as character varying(256))
 as "email", 
    
    cast(null as character varying(256))
 as "phone", 
    
    cast(null as DATE)
 as "birth_date", 
    
    cast(null as character varying(256))
 as "street", 
    
    cast(null as character varying(256))
 as "postcode", 
    
    cast(null as character varying(256))
 as "city", 
    
    cast(null as character varying(256))
 as "country"
union all
select 
    
    cast('K3' as character varying)
 as "customer_id", 
    
    cast('crm' as character varying)
 as "source", 
    
    cast('1' as INTEGER)
 as "source_priority", 
    
    cast('2024-01-01 00:00:00' as TIMESTAMP)
 as "recorded_at", 
    
    cast('1' as INTEGER)
 as "completeness", 
    
    cast('Alan' as character varying)
 as "first_name", 
    
    cast(null as character varying(256))
 as "last_name", 
    
    cast(null as character varying(256))
 as "email", 
    
    cast(null as character varying(256))
 as "phone", 
    
    cast(null as DATE)
 as "birth_date", 
    
    cast(null as character varying(256))
 as "street", 
    
    cast(null as character varying(256))
 as "postcode", 
    
    cast(null as character varying(256))
 as "city", 
    
    cast(null as character varying(256))
 as "country"
union all
select 
    
    cast('K3' as character varying)
 as "customer_id", 
    
    cast('crm' as character varying)
 as "source", 
    
    cast('1' as INTEGER)
 as "source_priority", 
    
    cast('2024-01-01 00:00:00' as TIMESTAMP)
 as "recorded_at", 
    
    cast('1' as INTEGER)
 as "completeness", 
    
    cast('Al' as character varying)
 as "first_name", 
    
    cast(null as character varying(256))
 as "last_name", 
    
    cast(null as character varying(256))
 as "email", 
    
    cast(null as character varying(256))
 as "phone", 
    
    cast(null as DATE)
 as "birth_date", 
    
    cast(null as character varying(256))
 as "street", 
    
    cast(null as character varying(256))
 as "postcode", 
    
    cast(null as character varying(256))
 as "city", 
    
    cast(null as character varying(256))
 as "country"
union all
select 
    
    cast('K4' as character varying)
 as "customer_id", 
    
    cast('loyalty' as character varying)
 as "source", 
    
    cast('2' as INTEGER)
 as "source_priority", 
    
    cast('2023-01-01 00:00:00' as TIMESTAMP)
 as "recorded_at", 
    
    cast('1' as INTEGER)
 as "completeness", 
    
    cast(null as character varying(256))
 as "first_name", 
    
    cast(null as character varying(256))
 as "last_name", 
    
    cast('old@card.co' as character varying)
 as "email", 
    
    cast(null as character varying(256))
 as "phone", 
    
    cast(null as DATE)
 as "birth_date", 
    
    cast(null as character varying(256))
 as "street", 
    
    cast(null as character varying(256))
 as "postcode", 
    
    cast(null as character varying(256))
 as "city", 
    
    cast(null as character varying(256))
 as "country"
union all
select 
    
    cast('K4' as character varying)
 as "customer_id", 
    
    cast('loyalty' as character varying)
 as "source", 
    
    cast('2' as INTEGER)
 as "source_priority", 
    
    cast('2024-01-01 00:00:00' as TIMESTAMP)
 as "recorded_at", 
    
    cast('1' as INTEGER)
 as "completeness", 
    
    cast(null as character varying(256))
 as "first_name", 
    
    cast(null as character varying(256))
 as "last_name", 
    
    cast('new@card.co' as character varying)
 as "email", 
    
    cast(null as character varying(256))
 as "phone", 
    
    cast(null as DATE)
 as "birth_date", 
    
    cast(null as character varying(256))
 as "street", 
    
    cast(null as character varying(256))
 as "postcode", 
    
    cast(null as character varying(256))
 as "city", 
    
    cast(null as character varying(256))
 as "country"
union all
select 
    
    cast('K4' as character varying)
 as "customer_id", 
    
    cast('care' as character varying)
 as "source", 
    
    cast('7' as INTEGER)
 as "source_priority", 
    
    cast('2025-01-01 00:00:00' as TIMESTAMP)
 as "recorded_at", 
    
    cast('1' as INTEGER)
 as "completeness", 
    
    cast(null as character varying(256))
 as "first_name", 
    
    cast(null as character varying(256))
 as "last_name", 
    
    cast('care@mail.co' as character varying)
 as "email", 
    
    cast(null as character varying(256))
 as "phone", 
    
    cast(null as DATE)
 as "birth_date", 
    
    cast(null as character varying(256))
 as "street", 
    
    cast(null as character varying(256))
 as "postcode", 
    
    cast(null as character varying(256))
 as "city", 
    
    cast(null as character varying(256))
 as "country"
), candidates as (

    select * from __dbt__cte__int_identity__attribute_candidates

),

customers as (

    select distinct customer_id from candidates

),


first_name_candidates as (

    select customer_id, source, source_priority, recorded_at, completeness, first_name
    from candidates
    where first_name is not null

),

first_name_winners as (

    select *
    from first_name_candidates
    qualify row_number() over (partition by customer_id order by source_priority, recorded_at desc, completeness desc, first_name) = 1

),


last_name_candidates as (

    select customer_id, source, source_priority, recorded_at, completeness, last_name
    from candidates
    where last_name is not null

),

last_name_winners as (

    select *
    from last_name_candidates
    qualify row_number() over (partition by customer_id order by source_priority, recorded_at desc, completeness desc, last_name) = 1

),


email_candidates as (

    select customer_id, source, source_priority, recorded_at, completeness, email
    from candidates
    where email is not null

),

email_winners as (

    select *
    from email_candidates
    qualify row_number() over (partition by customer_id order by source_priority, recorded_at desc, completeness desc, email) = 1

),


phone_candidates as (

    select customer_id, source, source_priority, recorded_at, completeness, phone
    from candidates
    where phone is not null

),

phone_winners as (

    select *
    from phone_candidates
    qualify row_number() over (partition by customer_id order by source_priority, recorded_at desc, completeness desc, phone) = 1

),


birth_date_candidates as (

    select customer_id, source, source_priority, recorded_at, completeness, birth_date
    from candidates
    where birth_date is not null

),

birth_date_winners as (

    select *
    from birth_date_candidates
    qualify row_number() over (partition by customer_id order by source_priority, recorded_at desc, completeness desc, birth_date) = 1

),


address_candidates as (

    select customer_id, source, source_priority, recorded_at, completeness, street, postcode, city, country
    from candidates
    where coalesce(street, postcode, city, country) is not null

),

address_winners as (

    select *
    from address_candidates
    qualify row_number() over (partition by customer_id order by source_priority, recorded_at desc, completeness desc, street, postcode, city, country) = 1

),

golden_records as (

    select
        customers.customer_id,
        first_name_winners.first_name,
        first_name_winners.source as first_name_source,
        last_name_winners.last_name,
        last_name_winners.source as last_name_source,
        email_winners.email,
        email_winners.source as email_source,
        phone_winners.phone,
        phone_winners.source as phone_source,
        birth_date_winners.birth_date,
        birth_date_winners.source as birth_date_source,
        address_winners.street,
        address_winners.postcode,
        address_winners.city,
        address_winners.country,
        address_winners.source as address_source

    from customers
    left join first_name_winners
        on customers.customer_id = first_name_winners.customer_id
    left join last_name_winners
        on customers.customer_id = last_name_winners.customer_id
    left join email_winners
        on customers.customer_id = email_winners.customer_id
    left join phone_winners
        on customers.customer_id = phone_winners.customer_id
    left join birth_date_winners
        on customers.customer_id = birth_date_winners.customer_id
    left join address_winners
        on customers.customer_id = address_winners.customer_id

)

select * from golden_records
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "customer_id", "first_name", "first_name_source", "last_name", "email", "email_source", "street", "city", "address_source", 'expected' as "actual_or_expected"
  from (
    select 
    
    cast('K1' as character varying)
 as "customer_id", 
    
    cast('Anne' as character varying)
 as "first_name", 
    
    cast('crm' as character varying)
 as "first_name_source", 
    
    cast('Lee' as character varying)
 as "last_name", 
    
    cast(null as character varying(256))
 as "email", 
    
    cast(null as character varying(256))
 as "email_source", 
    
    cast('1 High St' as character varying)
 as "street", 
    
    cast('York' as character varying)
 as "city", 
    
    cast('crm' as character varying)
 as "address_source"
union all
select 
    
    cast('K2' as character varying)
 as "customer_id", 
    
    cast('Robert' as character varying)
 as "first_name", 
    
    cast('crm' as character varying)
 as "first_name_source", 
    
    cast('Crm' as character varying)
 as "last_name", 
    
    cast(null as character varying(256))
 as "email", 
    
    cast(null as character varying(256))
 as "email_source", 
    
    cast(null as character varying(256))
 as "street", 
    
    cast(null as character varying(256))
 as "city", 
    
    cast(null as character varying(256))
 as "address_source"
union all
select 
    
    cast('K3' as character varying)
 as "customer_id", 
    
    cast('Al' as character varying)
 as "first_name", 
    
    cast('crm' as character varying)
 as "first_name_source", 
    
    cast(null as character varying(256))
 as "last_name", 
    
    cast(null as character varying(256))
 as "email", 
    
    cast(null as character varying(256))
 as "email_source", 
    
    cast(null as character varying(256))
 as "street", 
    
    cast(null as character varying(256))
 as "city", 
    
    cast(null as character varying(256))
 as "address_source"
union all
select 
    
    cast('K4' as character varying)
 as "customer_id", 
    
    cast(null as character varying(256))
 as "first_name", 
    
    cast(null as character varying(256))
 as "first_name_source", 
    
    cast(null as character varying(256))
 as "last_name", 
    
    cast('new@card.co' as character varying)
 as "email", 
    
    cast('loyalty' as character varying)
 as "email_source", 
    
    cast(null as character varying(256))
 as "street", 
    
    cast(null as character varying(256))
 as "city", 
    
    cast(null as character varying(256))
 as "address_source"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected