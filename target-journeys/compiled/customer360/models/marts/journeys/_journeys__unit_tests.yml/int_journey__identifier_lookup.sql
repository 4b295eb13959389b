
-- Fixture for int_journey__identifier_lookup
select 
    
    cast('shop_account_id' as character varying)
 as "identifier_type", 
    
    cast('A1' as character varying)
 as "identifier_value", 
    
    cast('CUST1' as character varying)
 as "customer_id", 
    
    cast(False as BOOLEAN)
 as "is_erased"
union all
select 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('g@x.io' as character varying)
 as "identifier_value", 
    
    cast('CUST2' as character varying)
 as "customer_id", 
    
    cast(False as BOOLEAN)
 as "is_erased"
union all
select 
    
    cast('loyalty_card_number' as character varying)
 as "identifier_type", 
    
    cast('LC1' as character varying)
 as "identifier_value", 
    
    cast('CUST1' as character varying)
 as "customer_id", 
    
    cast(False as BOOLEAN)
 as "is_erased"