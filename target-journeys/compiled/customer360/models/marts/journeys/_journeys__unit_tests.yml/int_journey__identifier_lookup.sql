
-- Fixture for int_journey__identifier_lookup
select 
    
    cast('anonymous_id' as character varying)
 as "identifier_type", 
    
    cast('V2' as character varying)
 as "identifier_value", 
    
    cast('CUST2' as character varying)
 as "customer_id", 
    
    cast(False as BOOLEAN)
 as "is_erased"