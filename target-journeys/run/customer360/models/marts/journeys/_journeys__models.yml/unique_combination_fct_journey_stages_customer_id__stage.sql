
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select
    customer_id, stage,
    count(*) as occurrences

from "fresh"."marts"."fct_journey_stages"
group by customer_id, stage
having count(*) > 1


  
  
      
    ) dbt_internal_test