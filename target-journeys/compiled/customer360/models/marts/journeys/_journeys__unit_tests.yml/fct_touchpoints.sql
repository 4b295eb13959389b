
-- Fixture for fct_touchpoints
select 
    
    cast('email:old' as character varying)
 as "touchpoint_id", 
    
    cast('CUST1' as character varying)
 as "customer_id", cast(null as character varying(256)) as "session_id", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "source_identifier_value", 
    
    cast('email' as character varying)
 as "channel", 
    
    cast('email' as character varying)
 as "source", 
    
    cast('click' as character varying)
 as "touchpoint_type", cast(null as character varying(256)) as "journey_stage", cast(null as DOUBLE) as "revenue", cast(null as BIGINT) as "engaged_seconds", 
    
    cast('2025-03-01 11:59:59' as TIMESTAMP)
 as "occurred_at", cast(null as DATE) as "_export_date"
union all
select 
    
    cast('email:edge' as character varying)
 as "touchpoint_id", 
    
    cast('CUST1' as character varying)
 as "customer_id", cast(null as character varying(256)) as "session_id", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "source_identifier_value", 
    
    cast('email' as character varying)
 as "channel", 
    
    cast('email' as character varying)
 as "source", 
    
    cast('click' as character varying)
 as "touchpoint_type", cast(null as character varying(256)) as "journey_stage", cast(null as DOUBLE) as "revenue", cast(null as BIGINT) as "engaged_seconds", 
    
    cast('2025-03-01 12:00:00' as TIMESTAMP)
 as "occurred_at", cast(null as DATE) as "_export_date"
union all
select 
    
    cast('web:v1' as character varying)
 as "touchpoint_id", 
    
    cast('CUST1' as character varying)
 as "customer_id", 
    
    cast('S1' as character varying)
 as "session_id", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "source_identifier_value", 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('web' as character varying)
 as "source", 
    
    cast('page_view' as character varying)
 as "touchpoint_type", cast(null as character varying(256)) as "journey_stage", cast(null as DOUBLE) as "revenue", cast(null as BIGINT) as "engaged_seconds", 
    
    cast('2025-03-10 10:00:00' as TIMESTAMP)
 as "occurred_at", cast(null as DATE) as "_export_date"
union all
select 
    
    cast('web:v2' as character varying)
 as "touchpoint_id", 
    
    cast('CUST1' as character varying)
 as "customer_id", 
    
    cast('S1' as character varying)
 as "session_id", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "source_identifier_value", 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('web' as character varying)
 as "source", 
    
    cast('add_to_cart' as character varying)
 as "touchpoint_type", cast(null as character varying(256)) as "journey_stage", cast(null as DOUBLE) as "revenue", cast(null as BIGINT) as "engaged_seconds", 
    
    cast('2025-03-10 10:05:00' as TIMESTAMP)
 as "occurred_at", cast(null as DATE) as "_export_date"
union all
select 
    
    cast('email:sent' as character varying)
 as "touchpoint_id", 
    
    cast('CUST1' as character varying)
 as "customer_id", cast(null as character varying(256)) as "session_id", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "source_identifier_value", 
    
    cast('email' as character varying)
 as "channel", 
    
    cast('email' as character varying)
 as "source", 
    
    cast('sent' as character varying)
 as "touchpoint_type", cast(null as character varying(256)) as "journey_stage", cast(null as DOUBLE) as "revenue", cast(null as BIGINT) as "engaged_seconds", 
    
    cast('2025-03-20 09:00:00' as TIMESTAMP)
 as "occurred_at", cast(null as DATE) as "_export_date"
union all
select 
    
    cast('web:at' as character varying)
 as "touchpoint_id", 
    
    cast('CUST1' as character varying)
 as "customer_id", 
    
    cast('S2' as character varying)
 as "session_id", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "source_identifier_value", 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('web' as character varying)
 as "source", 
    
    cast('page_view' as character varying)
 as "touchpoint_type", cast(null as character varying(256)) as "journey_stage", cast(null as DOUBLE) as "revenue", cast(null as BIGINT) as "engaged_seconds", 
    
    cast('2025-03-31 12:00:00' as TIMESTAMP)
 as "occurred_at", cast(null as DATE) as "_export_date"
union all
select 
    
    cast('email:other' as character varying)
 as "touchpoint_id", 
    
    cast('CUST2' as character varying)
 as "customer_id", cast(null as character varying(256)) as "session_id", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "source_identifier_value", 
    
    cast('email' as character varying)
 as "channel", 
    
    cast('email' as character varying)
 as "source", 
    
    cast('click' as character varying)
 as "touchpoint_type", cast(null as character varying(256)) as "journey_stage", cast(null as DOUBLE) as "revenue", cast(null as BIGINT) as "engaged_seconds", 
    
    cast('2025-03-30 09:00:00' as TIMESTAMP)
 as "occurred_at", cast(null as DATE) as "_export_date"