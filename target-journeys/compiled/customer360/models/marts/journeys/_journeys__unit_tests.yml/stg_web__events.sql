
-- Fixture for stg_web__events
select 
    
    cast('p1' as character varying)
 as "event_id", 
    
    cast('K' as character varying)
 as "anonymous_id", cast(null as character varying(256)) as "shop_account_id", 
    
    cast('page_ping' as character varying)
 as "event_type", cast(null as character varying(256)) as "page_url", 
    
    cast('2025-03-01 10:00:00' as TIMESTAMP)
 as "occurred_at", cast(null as TIMESTAMP) as "received_at", 
    
    cast('2025-03-01' as DATE)
 as "_export_date", cast(null as TIMESTAMP) as "_loaded_at", cast(null as BIGINT) as "_line_number"
union all
select 
    
    cast('p2' as character varying)
 as "event_id", 
    
    cast('K' as character varying)
 as "anonymous_id", cast(null as character varying(256)) as "shop_account_id", 
    
    cast('page_ping' as character varying)
 as "event_type", cast(null as character varying(256)) as "page_url", 
    
    cast('2025-03-01 10:00:09' as TIMESTAMP)
 as "occurred_at", cast(null as TIMESTAMP) as "received_at", 
    
    cast('2025-03-01' as DATE)
 as "_export_date", cast(null as TIMESTAMP) as "_loaded_at", cast(null as BIGINT) as "_line_number"
union all
select 
    
    cast('p3' as character varying)
 as "event_id", 
    
    cast('K' as character varying)
 as "anonymous_id", cast(null as character varying(256)) as "shop_account_id", 
    
    cast('page_ping' as character varying)
 as "event_type", cast(null as character varying(256)) as "page_url", 
    
    cast('2025-03-01 10:00:10' as TIMESTAMP)
 as "occurred_at", cast(null as TIMESTAMP) as "received_at", 
    
    cast('2025-03-01' as DATE)
 as "_export_date", cast(null as TIMESTAMP) as "_loaded_at", cast(null as BIGINT) as "_line_number"
union all
select 
    
    cast('v1' as character varying)
 as "event_id", 
    
    cast('K' as character varying)
 as "anonymous_id", cast(null as character varying(256)) as "shop_account_id", 
    
    cast('page_view' as character varying)
 as "event_type", cast(null as character varying(256)) as "page_url", 
    
    cast('2025-03-01 23:59:59' as TIMESTAMP)
 as "occurred_at", cast(null as TIMESTAMP) as "received_at", 
    
    cast('2025-03-01' as DATE)
 as "_export_date", cast(null as TIMESTAMP) as "_loaded_at", cast(null as BIGINT) as "_line_number"
union all
select 
    
    cast('future' as character varying)
 as "event_id", 
    
    cast('K' as character varying)
 as "anonymous_id", cast(null as character varying(256)) as "shop_account_id", 
    
    cast('page_view' as character varying)
 as "event_type", cast(null as character varying(256)) as "page_url", 
    
    cast('2025-03-02 00:00:00' as TIMESTAMP)
 as "occurred_at", cast(null as TIMESTAMP) as "received_at", 
    
    cast('2025-03-02' as DATE)
 as "_export_date", cast(null as TIMESTAMP) as "_loaded_at", cast(null as BIGINT) as "_line_number"