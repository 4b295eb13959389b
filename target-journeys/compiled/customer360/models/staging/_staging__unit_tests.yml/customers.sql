
-- Fixture for customers
select 
    
    cast('C1' as character varying)
 as "crm_customer_id", cast(null as character varying(256)) as "first_name", cast(null as character varying(256)) as "last_name", 
    
    cast('  Jane.Doe@Example.COM ' as character varying)
 as "email", 
    
    cast('+44 7700 900123' as character varying)
 as "phone", cast(null as DATE) as "birth_date", cast(null as character varying(256)) as "street", cast(null as character varying(256)) as "postcode", cast(null as character varying(256)) as "city", cast(null as character varying(256)) as "country", cast(null as TIMESTAMP) as "created_at", 
    
    cast('2025-01-01 10:00:00' as TIMESTAMP)
 as "updated_at", cast(null as character varying(256)) as "_extra", cast(null as character varying(256)) as "_source_file", 
    
    cast('1' as BIGINT)
 as "_line_number", 
    
    cast('2025-01-01' as DATE)
 as "_export_date", 
    
    cast('2025-01-02 00:00:00' as TIMESTAMP)
 as "_loaded_at"
union all
select 
    
    cast('C2' as character varying)
 as "crm_customer_id", cast(null as character varying(256)) as "first_name", cast(null as character varying(256)) as "last_name", 
    
    cast('not-an-email' as character varying)
 as "email", 
    
    cast('07700 900124' as character varying)
 as "phone", cast(null as DATE) as "birth_date", cast(null as character varying(256)) as "street", cast(null as character varying(256)) as "postcode", cast(null as character varying(256)) as "city", cast(null as character varying(256)) as "country", cast(null as TIMESTAMP) as "created_at", 
    
    cast('2025-01-01 10:00:00' as TIMESTAMP)
 as "updated_at", cast(null as character varying(256)) as "_extra", cast(null as character varying(256)) as "_source_file", 
    
    cast('2' as BIGINT)
 as "_line_number", 
    
    cast('2025-01-01' as DATE)
 as "_export_date", 
    
    cast('2025-01-02 00:00:00' as TIMESTAMP)
 as "_loaded_at"
union all
select 
    
    cast('C3' as character varying)
 as "crm_customer_id", cast(null as character varying(256)) as "first_name", cast(null as character varying(256)) as "last_name", 
    
    cast(null as character varying(256))
 as "email", 
    
    cast('0044 7700-900-125' as character varying)
 as "phone", cast(null as DATE) as "birth_date", cast(null as character varying(256)) as "street", cast(null as character varying(256)) as "postcode", cast(null as character varying(256)) as "city", cast(null as character varying(256)) as "country", cast(null as TIMESTAMP) as "created_at", 
    
    cast('2025-01-01 10:00:00' as TIMESTAMP)
 as "updated_at", cast(null as character varying(256)) as "_extra", cast(null as character varying(256)) as "_source_file", 
    
    cast('3' as BIGINT)
 as "_line_number", 
    
    cast('2025-01-01' as DATE)
 as "_export_date", 
    
    cast('2025-01-02 00:00:00' as TIMESTAMP)
 as "_loaded_at"
union all
select 
    
    cast('C4' as character varying)
 as "crm_customer_id", cast(null as character varying(256)) as "first_name", cast(null as character varying(256)) as "last_name", 
    
    cast('x@y.io' as character varying)
 as "email", 
    
    cast('+44 (0)7700 900126' as character varying)
 as "phone", cast(null as DATE) as "birth_date", cast(null as character varying(256)) as "street", cast(null as character varying(256)) as "postcode", cast(null as character varying(256)) as "city", cast(null as character varying(256)) as "country", cast(null as TIMESTAMP) as "created_at", 
    
    cast('2025-01-01 10:00:00' as TIMESTAMP)
 as "updated_at", cast(null as character varying(256)) as "_extra", cast(null as character varying(256)) as "_source_file", 
    
    cast('4' as BIGINT)
 as "_line_number", 
    
    cast('2025-01-01' as DATE)
 as "_export_date", 
    
    cast('2025-01-02 00:00:00' as TIMESTAMP)
 as "_loaded_at"
union all
select 
    
    cast('C5' as character varying)
 as "crm_customer_id", cast(null as character varying(256)) as "first_name", cast(null as character varying(256)) as "last_name", 
    
    cast('a@b.co' as character varying)
 as "email", 
    
    cast('12' as character varying)
 as "phone", cast(null as DATE) as "birth_date", cast(null as character varying(256)) as "street", cast(null as character varying(256)) as "postcode", cast(null as character varying(256)) as "city", cast(null as character varying(256)) as "country", cast(null as TIMESTAMP) as "created_at", 
    
    cast('2025-01-01 10:00:00' as TIMESTAMP)
 as "updated_at", cast(null as character varying(256)) as "_extra", cast(null as character varying(256)) as "_source_file", 
    
    cast('5' as BIGINT)
 as "_line_number", 
    
    cast('2025-01-01' as DATE)
 as "_export_date", 
    
    cast('2025-01-02 00:00:00' as TIMESTAMP)
 as "_loaded_at"
union all
select 
    
    cast('C6' as character varying)
 as "crm_customer_id", cast(null as character varying(256)) as "first_name", cast(null as character varying(256)) as "last_name", 
    
    cast('a@b.co' as character varying)
 as "email", 
    
    cast(null as character varying(256))
 as "phone", cast(null as DATE) as "birth_date", cast(null as character varying(256)) as "street", cast(null as character varying(256)) as "postcode", cast(null as character varying(256)) as "city", cast(null as character varying(256)) as "country", cast(null as TIMESTAMP) as "created_at", 
    
    cast('2025-01-01 10:00:00' as TIMESTAMP)
 as "updated_at", cast(null as character varying(256)) as "_extra", cast(null as character varying(256)) as "_source_file", 
    
    cast('6' as BIGINT)
 as "_line_number", 
    
    cast('2025-01-01' as DATE)
 as "_export_date", 
    
    cast('2025-01-02 00:00:00' as TIMESTAMP)
 as "_loaded_at"