
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    loyalty_card_number as unique_field,
    count(*) as n_records

from "fresh"."staging"."stg_loyalty__cards"
where loyalty_card_number is not null
group by loyalty_card_number
having count(*) > 1



  
  
      
    ) dbt_internal_test