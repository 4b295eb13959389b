
-- Fixture for int_journey__identifier_lookup
select 
    
    cast('anonymous_id' as character varying)
 as "identifier_type", 
    
    cast('K1' as character varying)
 as "identifier_value", 
    
    cast('CUST1' as character varying)
 as "customer_id", 
    
    cast(False as BOOLEAN)
 as "is_erased"
union all
select 
    
    cast('shop_account_id' as character varying)
 as "identifier_type", 
    
    cast('A1' as character varying)
 as "identifier_value", 
    
    cast('CUST1' as character varying)
 as "customer_id", 
    
    cast(False as BOOLEAN)
 as "is_erased"