
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select reason
from "warehouse"."intermediate"."int_identity__blocked_identifiers"
where reason is null



  
  
      
    ) dbt_internal_test