
-- Fixture for identity_junk_blocklist
select 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('value' as character varying)
 as "match_type", 
    
    cast('test@example.com' as character varying)
 as "pattern", 
    
    cast('test address' as character varying)
 as "reason"
union all
select 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('like' as character varying)
 as "match_type", 
    
    cast('%@example.com' as character varying)
 as "pattern", 
    
    cast('reserved example domain' as character varying)
 as "reason"
union all
select 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('like' as character varying)
 as "match_type", 
    
    cast('noreply@%' as character varying)
 as "pattern", 
    
    cast('no-reply mailbox' as character varying)
 as "reason"
union all
select 
    
    cast('phone' as character varying)
 as "identifier_type", 
    
    cast('repeated_digit' as character varying)
 as "match_type", 
    
    cast('7' as character varying)
 as "pattern", 
    
    cast('one repeated digit' as character varying)
 as "reason"
union all
select 
    
    cast('loyalty_card_number' as character varying)
 as "identifier_type", 
    
    cast('like' as character varying)
 as "match_type", 
    
    cast('STOREDEFAULT%' as character varying)
 as "pattern", 
    
    cast('store default card' as character varying)
 as "reason"