
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
    
    cast('regex' as character varying)
 as "match_type", 
    
    cast('^\+[0-9]{1,3}(0{6,}|1{6,}|2{6,}|3{6,}|4{6,}|5{6,}|6{6,}|7{6,}|8{6,}|9{6,})$' as character varying)
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