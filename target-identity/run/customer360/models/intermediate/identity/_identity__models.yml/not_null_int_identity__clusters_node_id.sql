
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select node_id
from "warehouse"."intermediate"."int_identity__clusters"
where node_id is null



  
  
      
    ) dbt_internal_test