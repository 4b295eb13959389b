
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select journey_stage
from "fresh"."marts"."fct_touchpoints"
where journey_stage is null



  
  
      
    ) dbt_internal_test