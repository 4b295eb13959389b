
-- Fixture for cards
select 
    
    cast(' lc-1234 5678 ' as character varying)
 as "loyalty_card_number", cast(null as character varying(256)) as "crm_customer_id", cast(null as character varying(256)) as "email", cast(null as character varying(256)) as "phone", 
    
    cast('2025-01-01 10:00:00' as TIMESTAMP)
 as "issued_at", cast(null as character varying(256)) as "status", cast(null as character varying(256)) as "_extra", cast(null as character varying(256)) as "_source_file", 
    
    cast(1 as BIGINT)
 as "_line_number", 
    
    cast('2025-01-01' as DATE)
 as "_export_date", 
    
    cast('2025-01-02 00:00:00' as TIMESTAMP)
 as "_loaded_at"
union all
select 
    
    cast('STORE-DEFAULT-0001' as character varying)
 as "loyalty_card_number", cast(null as character varying(256)) as "crm_customer_id", cast(null as character varying(256)) as "email", cast(null as character varying(256)) as "phone", 
    
    cast('2025-01-01 10:00:00' as TIMESTAMP)
 as "issued_at", cast(null as character varying(256)) as "status", cast(null as character varying(256)) as "_extra", cast(null as character varying(256)) as "_source_file", 
    
    cast(2 as BIGINT)
 as "_line_number", 
    
    cast('2025-01-01' as DATE)
 as "_export_date", 
    
    cast('2025-01-02 00:00:00' as TIMESTAMP)
 as "_loaded_at"