
-- Fixture for int_journey__identifier_lookup
select 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('a@x.io' as character varying)
 as "identifier_value", 
    
    cast('CUST9' as character varying)
 as "customer_id", 
    
    cast(False as BOOLEAN)
 as "is_erased"
union all
select 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('c@x.io' as character varying)
 as "identifier_value", 
    
    cast('CUST3' as character varying)
 as "customer_id", 
    
    cast(False as BOOLEAN)
 as "is_erased"