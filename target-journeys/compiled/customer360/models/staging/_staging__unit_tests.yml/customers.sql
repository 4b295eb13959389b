
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