
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select loyalty_card_number
from "fresh"."staging"."stg_loyalty__cards"
where loyalty_card_number is null



  
  
      
    ) dbt_internal_test