
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select entity
from "warehouse"."intermediate"."int_identity__identifier_tuples"
where entity is null



  
  
      
    ) dbt_internal_test