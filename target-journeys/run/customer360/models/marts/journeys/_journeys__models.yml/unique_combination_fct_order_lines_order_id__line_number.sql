
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select
    order_id, line_number,
    count(*) as occurrences

from "fresh"."marts"."fct_order_lines"
group by order_id, line_number
having count(*) > 1


  
  
      
    ) dbt_internal_test