
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select identifier_value
from "warehouse"."intermediate"."int_identity__identifiers"
where identifier_value is null



  
  
      
    ) dbt_internal_test