
    
    

select
    cart_id as unique_field,
    count(*) as n_records

from "fresh"."marts"."fct_abandoned_carts"
where cart_id is not null
group by cart_id
having count(*) > 1


