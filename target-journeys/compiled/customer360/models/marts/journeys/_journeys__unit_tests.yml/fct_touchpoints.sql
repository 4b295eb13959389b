
-- Fixture for fct_touchpoints
select 
    
    cast('email:old' as character varying)
 as "touchpoint_id", 
    
    cast('CUST1' as character varying)
 as "customer_id", cast(null as character varying(256)) as "session_id", 
    
    cast('email' as character varying)
 as "source_identifier_type", 
    
    cast('a@x.io' as character varying)
 as "source_identifier_value", 
    
    cast('email' as character varying)
 as "channel", 
    
    cast('email' as character varying)
 as "source", 
    
    cast('click' as character varying)
 as "touchpoint_type", cast(null as character varying(256)) as "journey_stage", cast(null as DOUBLE) as "revenue", cast(null as BIGINT) as "engaged_seconds", 
    
    cast('2025-03-01 09:00:00' as TIMESTAMP)
 as "occurred_at", 
    
    cast('2025-03-01' as DATE)
 as "_export_date"
union all
select 
    
    cast('email:same' as character varying)
 as "touchpoint_id", 
    
    cast('CUST3' as character varying)
 as "customer_id", cast(null as character varying(256)) as "session_id", 
    
    cast('email' as character varying)
 as "source_identifier_type", 
    
    cast('c@x.io' as character varying)
 as "source_identifier_value", 
    
    cast('email' as character varying)
 as "channel", 
    
    cast('email' as character varying)
 as "source", 
    
    cast('click' as character varying)
 as "touchpoint_type", cast(null as character varying(256)) as "journey_stage", cast(null as DOUBLE) as "revenue", cast(null as BIGINT) as "engaged_seconds", 
    
    cast('2025-03-01 09:00:00' as TIMESTAMP)
 as "occurred_at", 
    
    cast('2025-03-01' as DATE)
 as "_export_date"
union all
select 
    
    cast('email:recent' as character varying)
 as "touchpoint_id", 
    
    cast('CUST3' as character varying)
 as "customer_id", cast(null as character varying(256)) as "session_id", 
    
    cast('email' as character varying)
 as "source_identifier_type", 
    
    cast('c@x.io' as character varying)
 as "source_identifier_value", 
    
    cast('email' as character varying)
 as "channel", 
    
    cast('email' as character varying)
 as "source", 
    
    cast('sent' as character varying)
 as "touchpoint_type", cast(null as character varying(256)) as "journey_stage", cast(null as DOUBLE) as "revenue", cast(null as BIGINT) as "engaged_seconds", 
    
    cast('2025-03-10 09:00:00' as TIMESTAMP)
 as "occurred_at", 
    
    cast('2025-03-10' as DATE)
 as "_export_date"