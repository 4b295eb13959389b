
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select
    order_id, model, touchpoint_id,
    count(*) as occurrences

from "fresh"."marts"."fct_order_attribution"
group by order_id, model, touchpoint_id
having count(*) > 1


  
  
      
    ) dbt_internal_test