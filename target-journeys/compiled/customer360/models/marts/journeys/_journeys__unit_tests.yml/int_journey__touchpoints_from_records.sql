
-- Fixture for int_journey__touchpoints_from_records
select 
    
    cast('email:old' as character varying)
 as "touchpoint_id", 
    
    cast('CUST9' as character varying)
 as "customer_id", 
    
    cast('email' as character varying)
 as "channel", 
    
    cast('email' as character varying)
 as "source", 
    
    cast('click' as character varying)
 as "touchpoint_type", 
    
    cast('2025-03-01 09:00:00' as TIMESTAMP)
 as "occurred_at", cast(null as DOUBLE) as "revenue", 
    
    cast('email' as character varying)
 as "source_identifier_type", 
    
    cast('a@x.io' as character varying)
 as "source_identifier_value", 
    
    cast('2025-03-01' as DATE)
 as "_export_date"
union all
select 
    
    cast('email:new' as character varying)
 as "touchpoint_id", 
    
    cast('CUST3' as character varying)
 as "customer_id", 
    
    cast('email' as character varying)
 as "channel", 
    
    cast('email' as character varying)
 as "source", 
    
    cast('open' as character varying)
 as "touchpoint_type", 
    
    cast('2025-03-11 09:00:00' as TIMESTAMP)
 as "occurred_at", cast(null as DOUBLE) as "revenue", 
    
    cast('email' as character varying)
 as "source_identifier_type", 
    
    cast('c@x.io' as character varying)
 as "source_identifier_value", 
    
    cast('2025-03-11' as DATE)
 as "_export_date"