
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select customer_id
from "warehouse"."intermediate"."int_identity__customer_ids"
where customer_id is null



  
  
      
    ) dbt_internal_test