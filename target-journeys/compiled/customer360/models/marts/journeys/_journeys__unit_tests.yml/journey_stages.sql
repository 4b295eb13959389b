
-- Fixture for journey_stages
select 
    
    cast('first_touch' as character varying)
 as "stage", 
    
    cast('1' as INTEGER)
 as "stage_order", 
    
    cast('The customer''s first touchpoint of any kind, any channel.' as character varying)
 as "definition"
union all
select 
    
    cast('engaged' as character varying)
 as "stage", 
    
    cast('2' as INTEGER)
 as "stage_order", 
    
    cast('The first touchpoint showing intent or a two-way interaction (seed touchpoint_types.is_engagement): a search, login, add to cart, checkout, cart, email click, push open, care ticket, survey answer or review.' as character varying)
 as "definition"
union all
select 
    
    cast('first_purchase' as character varying)
 as "stage", 
    
    cast('3' as INTEGER)
 as "stage_order", 
    
    cast('The first online order or store transaction that was not cancelled.' as character varying)
 as "definition"
union all
select 
    
    cast('repeat_purchase' as character varying)
 as "stage", 
    
    cast('4' as INTEGER)
 as "stage_order", 
    
    cast('The second online order or store transaction that was not cancelled.' as character varying)
 as "definition"
union all
select 
    
    cast('advocate' as character varying)
 as "stage", 
    
    cast('5' as INTEGER)
 as "stage_order", 
    
    cast('The first promoter NPS answer (score 9-10) or product review rated 4 or 5 stars.' as character varying)
 as "definition"
union all
select 
    
    cast('lapsed' as character varying)
 as "stage", 
    
    cast('6' as INTEGER)
 as "stage_order", 
    
    cast('No purchase for var churn_after_days days before as_of_date: reached churn_after_days after the last purchase. Only customers who have purchased can lapse.' as character varying)
 as "definition"