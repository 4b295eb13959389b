
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