
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select stage
from "w"."reference"."journey_stages"
where stage is null



  
  
      
    ) dbt_internal_test