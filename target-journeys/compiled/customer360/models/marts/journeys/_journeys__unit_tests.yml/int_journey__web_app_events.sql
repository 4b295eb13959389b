
-- Fixture for int_journey__web_app_events
select 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('b1' as character varying)
 as "event_id", 
    
    cast('BOT' as character varying)
 as "visitor_id", 
    
    cast('BOT' as character varying)
 as "anonymous_id", cast(null as character varying(256)) as "device_id", cast(null as character varying(256)) as "shop_account_id", cast(null as character varying(256)) as "platform", 
    
    cast('page_view' as character varying)
 as "event_type", 
    
    cast('/a' as character varying)
 as "page_url", 
    
    cast('2025-03-01 00:00:00' as TIMESTAMP)
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
    
    cast('b2' as character varying)
 as "event_id", 
    
    cast('BOT' as character varying)
 as "visitor_id", 
    
    cast('BOT' as character varying)
 as "anonymous_id", cast(null as character varying(256)) as "device_id", cast(null as character varying(256)) as "shop_account_id", cast(null as character varying(256)) as "platform", 
    
    cast('page_view' as character varying)
 as "event_type", 
    
    cast('/a' as character varying)
 as "page_url", 
    
    cast('2025-03-01 00:29:00' as TIMESTAMP)
 as "occurred_at", 
    
    cast('2025-03-01' as DATE)
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
    
    cast('b3' as character varying)
 as "event_id", 
    
    cast('BOT' as character varying)
 as "visitor_id", 
    
    cast('BOT' as character varying)
 as "anonymous_id", cast(null as character varying(256)) as "device_id", cast(null as character varying(256)) as "shop_account_id", cast(null as character varying(256)) as "platform", 
    
    cast('page_view' as character varying)
 as "event_type", 
    
    cast('/a' as character varying)
 as "page_url", 
    
    cast('2025-03-01 00:58:00' as TIMESTAMP)
 as "occurred_at", 
    
    cast('2025-03-01' as DATE)
 as "_export_date", 
    
    cast('false' as BOOLEAN)
 as "is_heartbeat", 
    
    cast('true' as BOOLEAN)
 as "is_view", 
    
    cast('false' as BOOLEAN)
 as "is_checkout", 
    
    cast('3' as DOUBLE)
 as "heartbeat_bucket"
union all
select 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('b4' as character varying)
 as "event_id", 
    
    cast('BOT' as character varying)
 as "visitor_id", 
    
    cast('BOT' as character varying)
 as "anonymous_id", cast(null as character varying(256)) as "device_id", cast(null as character varying(256)) as "shop_account_id", cast(null as character varying(256)) as "platform", 
    
    cast('page_view' as character varying)
 as "event_type", 
    
    cast('/a' as character varying)
 as "page_url", 
    
    cast('2025-03-01 01:27:00' as TIMESTAMP)
 as "occurred_at", 
    
    cast('2025-03-01' as DATE)
 as "_export_date", 
    
    cast('false' as BOOLEAN)
 as "is_heartbeat", 
    
    cast('true' as BOOLEAN)
 as "is_view", 
    
    cast('false' as BOOLEAN)
 as "is_checkout", 
    
    cast('4' as DOUBLE)
 as "heartbeat_bucket"