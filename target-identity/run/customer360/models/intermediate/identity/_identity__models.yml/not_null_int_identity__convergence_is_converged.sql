
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select is_converged
from "warehouse"."intermediate"."int_identity__convergence"
where is_converged is null



  
  
      
    ) dbt_internal_test