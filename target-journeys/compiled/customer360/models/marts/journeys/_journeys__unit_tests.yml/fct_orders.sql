
-- Fixture for fct_orders
select 
    
    cast('X1' as character varying)
 as "order_id", 
    
    cast('CUST1' as character varying)
 as "customer_id", 
    
    cast('store' as character varying)
 as "channel", cast(null as character varying(256)) as "store_id", cast(null as character varying(256)) as "device_channel", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "status", cast(null as character varying(256)) as "currency", 
    
    cast(1 as BIGINT)
 as "customer_order_number", cast(null as DOUBLE) as "gross_amount", cast(null as DOUBLE) as "net_amount", cast(null as BIGINT) as "item_count", 
    
    cast('2025-01-05 10:00:00' as TIMESTAMP)
 as "ordered_at"
union all
select 
    
    cast('O2' as character varying)
 as "order_id", 
    
    cast('CUST1' as character varying)
 as "customer_id", 
    
    cast('online' as character varying)
 as "channel", cast(null as character varying(256)) as "store_id", 
    
    cast('web' as character varying)
 as "device_channel", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "status", cast(null as character varying(256)) as "currency", 
    
    cast(2 as BIGINT)
 as "customer_order_number", cast(null as DOUBLE) as "gross_amount", cast(null as DOUBLE) as "net_amount", cast(null as BIGINT) as "item_count", 
    
    cast('2025-01-10 10:00:00' as TIMESTAMP)
 as "ordered_at"