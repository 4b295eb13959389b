
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select source
from "warehouse"."intermediate"."int_identity__identifier_tuples"
where source is null



  
  
      
    ) dbt_internal_test