
-- Fixture for stg_app__events
select 
    
    cast('c1' as character varying)
 as "event_id", 
    
    cast('D' as character varying)
 as "device_id", cast(null as character varying(256)) as "shop_account_id", cast(null as character varying(256)) as "platform", 
    
    cast('checkout' as character varying)
 as "event_type", 
    
    cast('2025-03-01 10:00:00' as TIMESTAMP)
 as "occurred_at", cast(null as TIMESTAMP) as "received_at", 
    
    cast('2025-03-01' as DATE)
 as "_export_date", cast(null as TIMESTAMP) as "_loaded_at", cast(null as BIGINT) as "_line_number"