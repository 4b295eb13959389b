
-- Fixture for int_journey__web_app_events
select 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('w1' as character varying)
 as "event_id", 
    
    cast('K1' as character varying)
 as "visitor_id", 
    
    cast('K1' as character varying)
 as "anonymous_id", 
    
    cast(null as character varying(256))
 as "device_id", 
    
    cast(null as character varying(256))
 as "shop_account_id", cast(null as character varying(256)) as "platform", 
    
    cast('page_view' as character varying)
 as "event_type", 
    
    cast('/home' as character varying)
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
    
    cast('w2' as character varying)
 as "event_id", 
    
    cast('K1' as character varying)
 as "visitor_id", 
    
    cast('K1' as character varying)
 as "anonymous_id", 
    
    cast(null as character varying(256))
 as "device_id", 
    
    cast(null as character varying(256))
 as "shop_account_id", cast(null as character varying(256)) as "platform", 
    
    cast('page_ping' as character varying)
 as "event_type", 
    
    cast('/home' as character varying)
 as "page_url", 
    
    cast('2025-03-01 10:00:05' as TIMESTAMP)
 as "occurred_at", 
    
    cast('2025-03-01' as DATE)
 as "_export_date", 
    
    cast('true' as BOOLEAN)
 as "is_heartbeat", 
    
    cast('false' as BOOLEAN)
 as "is_view", 
    
    cast('false' as BOOLEAN)
 as "is_checkout", 
    
    cast('1' as DOUBLE)
 as "heartbeat_bucket"
union all
select 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('w3' as character varying)
 as "event_id", 
    
    cast('K1' as character varying)
 as "visitor_id", 
    
    cast('K1' as character varying)
 as "anonymous_id", 
    
    cast(null as character varying(256))
 as "device_id", 
    
    cast(null as character varying(256))
 as "shop_account_id", cast(null as character varying(256)) as "platform", 
    
    cast('page_ping' as character varying)
 as "event_type", 
    
    cast('/home' as character varying)
 as "page_url", 
    
    cast('2025-03-01 10:00:15' as TIMESTAMP)
 as "occurred_at", 
    
    cast('2025-03-01' as DATE)
 as "_export_date", 
    
    cast('true' as BOOLEAN)
 as "is_heartbeat", 
    
    cast('false' as BOOLEAN)
 as "is_view", 
    
    cast('false' as BOOLEAN)
 as "is_checkout", 
    
    cast('2' as DOUBLE)
 as "heartbeat_bucket"
union all
select 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('w4' as character varying)
 as "event_id", 
    
    cast('K1' as character varying)
 as "visitor_id", 
    
    cast('K1' as character varying)
 as "anonymous_id", 
    
    cast(null as character varying(256))
 as "device_id", 
    
    cast('A1' as character varying)
 as "shop_account_id", cast(null as character varying(256)) as "platform", 
    
    cast('login' as character varying)
 as "event_type", 
    
    cast(null as character varying(256))
 as "page_url", 
    
    cast('2025-03-01 10:01:00' as TIMESTAMP)
 as "occurred_at", 
    
    cast('2025-03-01' as DATE)
 as "_export_date", 
    
    cast('false' as BOOLEAN)
 as "is_heartbeat", 
    
    cast('false' as BOOLEAN)
 as "is_view", 
    
    cast('false' as BOOLEAN)
 as "is_checkout", 
    
    cast('7' as DOUBLE)
 as "heartbeat_bucket"
union all
select 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('w5' as character varying)
 as "event_id", 
    
    cast('K9' as character varying)
 as "visitor_id", 
    
    cast('K9' as character varying)
 as "anonymous_id", 
    
    cast(null as character varying(256))
 as "device_id", 
    
    cast(null as character varying(256))
 as "shop_account_id", cast(null as character varying(256)) as "platform", 
    
    cast('page_view' as character varying)
 as "event_type", 
    
    cast('/home' as character varying)
 as "page_url", 
    
    cast('2025-03-01 11:00:00' as TIMESTAMP)
 as "occurred_at", 
    
    cast('2025-03-01' as DATE)
 as "_export_date", 
    
    cast('false' as BOOLEAN)
 as "is_heartbeat", 
    
    cast('true' as BOOLEAN)
 as "is_view", 
    
    cast('false' as BOOLEAN)
 as "is_checkout", 
    
    cast('9' as DOUBLE)
 as "heartbeat_bucket"