
    
    

select
    loyalty_card_number as unique_field,
    count(*) as n_records

from "fresh"."staging"."stg_loyalty__cards"
where loyalty_card_number is not null
group by loyalty_card_number
having count(*) > 1


