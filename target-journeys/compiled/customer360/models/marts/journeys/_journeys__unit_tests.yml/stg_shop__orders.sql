
-- Fixture for stg_shop__orders
select 
    
    cast('O1' as character varying)
 as "order_id", 
    
    cast('A1' as character varying)
 as "shop_account_id", cast(null as character varying(256)) as "guest_email", 
    
    cast('returned' as character varying)
 as "status", 
    
    cast('GBP' as character varying)
 as "currency", 
    
    cast('web' as character varying)
 as "device_channel", 
    
    cast(100.0 as DOUBLE)
 as "order_total", 
    
    cast('2025-03-01 10:00:00' as TIMESTAMP)
 as "ordered_at", 
    
    cast('2025-03-10' as DATE)
 as "status_changed_on", 
    
    cast('2025-03-01' as DATE)
 as "_export_date", cast(null as TIMESTAMP) as "_loaded_at"
union all
select 
    
    cast('O2' as character varying)
 as "order_id", cast(null as character varying(256)) as "shop_account_id", 
    
    cast('g@x.io' as character varying)
 as "guest_email", 
    
    cast('cancelled' as character varying)
 as "status", 
    
    cast('GBP' as character varying)
 as "currency", cast(null as character varying(256)) as "device_channel", 
    
    cast(20.0 as DOUBLE)
 as "order_total", 
    
    cast('2025-03-01 11:00:00' as TIMESTAMP)
 as "ordered_at", 
    
    cast('2025-03-02' as DATE)
 as "status_changed_on", 
    
    cast('2025-03-01' as DATE)
 as "_export_date", cast(null as TIMESTAMP) as "_loaded_at"
union all
select 
    
    cast('O3' as character varying)
 as "order_id", 
    
    cast('A1' as character varying)
 as "shop_account_id", cast(null as character varying(256)) as "guest_email", 
    
    cast('placed' as character varying)
 as "status", cast(null as character varying(256)) as "currency", cast(null as character varying(256)) as "device_channel", 
    
    cast(5.0 as DOUBLE)
 as "order_total", 
    
    cast('2025-03-06 10:00:00' as TIMESTAMP)
 as "ordered_at", cast(null as DATE) as "status_changed_on", 
    
    cast('2025-03-06' as DATE)
 as "_export_date", cast(null as TIMESTAMP) as "_loaded_at"