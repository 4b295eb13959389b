
-- Fixture for orders
select 
    
    cast('O1' as character varying)
 as "order_id", cast(null as character varying(256)) as "shop_account_id", cast(null as character varying(256)) as "guest_email", 
    
    cast('2025-01-01 10:00:00' as TIMESTAMP)
 as "ordered_at", 
    
    cast('placed' as character varying)
 as "status", 
    
    cast(20 as DOUBLE)
 as "order_total", cast(null as character varying(256)) as "currency", cast(null as character varying(256)) as "device_channel", cast(null as character varying(256)) as "_extra", cast(null as character varying(256)) as "_source_file", 
    
    cast(1 as BIGINT)
 as "_line_number", 
    
    cast('2025-01-01' as DATE)
 as "_export_date", 
    
    cast('2025-01-02 00:00:00' as TIMESTAMP)
 as "_loaded_at"
union all
select 
    
    cast('O1' as character varying)
 as "order_id", cast(null as character varying(256)) as "shop_account_id", cast(null as character varying(256)) as "guest_email", 
    
    cast('2025-01-01 10:00:00' as TIMESTAMP)
 as "ordered_at", 
    
    cast('returned' as character varying)
 as "status", 
    
    cast(20 as DOUBLE)
 as "order_total", cast(null as character varying(256)) as "currency", cast(null as character varying(256)) as "device_channel", cast(null as character varying(256)) as "_extra", cast(null as character varying(256)) as "_source_file", 
    
    cast(1 as BIGINT)
 as "_line_number", 
    
    cast('2025-01-09' as DATE)
 as "_export_date", 
    
    cast('2025-01-10 00:00:00' as TIMESTAMP)
 as "_loaded_at"
union all
select 
    
    cast('O2' as character varying)
 as "order_id", cast(null as character varying(256)) as "shop_account_id", cast(null as character varying(256)) as "guest_email", 
    
    cast('2025-01-01 11:00:00' as TIMESTAMP)
 as "ordered_at", 
    
    cast('placed' as character varying)
 as "status", 
    
    cast(5 as DOUBLE)
 as "order_total", cast(null as character varying(256)) as "currency", cast(null as character varying(256)) as "device_channel", cast(null as character varying(256)) as "_extra", cast(null as character varying(256)) as "_source_file", 
    
    cast(2 as BIGINT)
 as "_line_number", 
    
    cast('2025-01-01' as DATE)
 as "_export_date", 
    
    cast('2025-01-02 00:00:00' as TIMESTAMP)
 as "_loaded_at"