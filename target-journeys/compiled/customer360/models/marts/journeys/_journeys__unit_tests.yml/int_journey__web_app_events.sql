
-- Fixture for int_journey__web_app_events
select 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('v1a' as character varying)
 as "event_id", 
    
    cast('V1' as character varying)
 as "visitor_id", 
    
    cast('V1' as character varying)
 as "anonymous_id", cast(null as character varying(256)) as "device_id", cast(null as character varying(256)) as "shop_account_id", cast(null as character varying(256)) as "platform", 
    
    cast('page_view' as character varying)
 as "event_type", 
    
    cast('/a' as character varying)
 as "page_url", 
    
    cast('2025-03-01 10:00:00' as TIMESTAMP)
 as "occurred_at", 
    
    cast('2025-03-01' as DATE)
 as "_export_date", 
    
    cast('false' as BOOLEAN)
 as "is_heartbeat", 
    
    cast('true' as BOOLEAN)
 as "is_view", 
    
    cast('false' as BOOLEAN)
 as "is_checkout", 
    
    cast('1' as DOUBLE)
 as "heartbeat_bucket"
union all
select 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('v1b' as character varying)
 as "event_id", 
    
    cast('V1' as character varying)
 as "visitor_id", 
    
    cast('V1' as character varying)
 as "anonymous_id", cast(null as character varying(256)) as "device_id", cast(null as character varying(256)) as "shop_account_id", cast(null as character varying(256)) as "platform", 
    
    cast('page_view' as character varying)
 as "event_type", 
    
    cast('/b' as character varying)
 as "page_url", 
    
    cast('2025-03-10 10:00:00' as TIMESTAMP)
 as "occurred_at", 
    
    cast('2025-03-10' as DATE)
 as "_export_date", 
    
    cast('false' as BOOLEAN)
 as "is_heartbeat", 
    
    cast('true' as BOOLEAN)
 as "is_view", 
    
    cast('false' as BOOLEAN)
 as "is_checkout", 
    
    cast('2' as DOUBLE)
 as "heartbeat_bucket"
union all
select 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('v2a' as character varying)
 as "event_id", 
    
    cast('V2' as character varying)
 as "visitor_id", 
    
    cast('V2' as character varying)
 as "anonymous_id", cast(null as character varying(256)) as "device_id", cast(null as character varying(256)) as "shop_account_id", cast(null as character varying(256)) as "platform", 
    
    cast('page_view' as character varying)
 as "event_type", 
    
    cast('/a' as character varying)
 as "page_url", 
    
    cast('2025-03-01 10:00:00' as TIMESTAMP)
 as "occurred_at", 
    
    cast('2025-03-01' as DATE)
 as "_export_date", 
    
    cast('false' as BOOLEAN)
 as "is_heartbeat", 
    
    cast('true' as BOOLEAN)
 as "is_view", 
    
    cast('false' as BOOLEAN)
 as "is_checkout", 
    
    cast('1' as DOUBLE)
 as "heartbeat_bucket"
union all
select 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('v3a' as character varying)
 as "event_id", 
    
    cast('V3' as character varying)
 as "visitor_id", 
    
    cast('V3' as character varying)
 as "anonymous_id", cast(null as character varying(256)) as "device_id", cast(null as character varying(256)) as "shop_account_id", cast(null as character varying(256)) as "platform", 
    
    cast('page_view' as character varying)
 as "event_type", 
    
    cast('/a' as character varying)
 as "page_url", 
    
    cast('2025-03-01 10:00:00' as TIMESTAMP)
 as "occurred_at", 
    
    cast('2025-03-01' as DATE)
 as "_export_date", 
    
    cast('false' as BOOLEAN)
 as "is_heartbeat", 
    
    cast('true' as BOOLEAN)
 as "is_view", 
    
    cast('false' as BOOLEAN)
 as "is_checkout", 
    
    cast('1' as DOUBLE)
 as "heartbeat_bucket"