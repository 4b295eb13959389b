
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select block_rule
from "warehouse"."intermediate"."int_identity__blocked_identifiers"
where block_rule is null



  
  
      
    ) dbt_internal_test