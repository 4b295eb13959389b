
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select
    old_customer_id, new_customer_id, changed_at,
    count(*) as occurrences

from "warehouse"."marts"."customer_id_changes"
group by old_customer_id, new_customer_id, changed_at
having count(*) > 1


  
  
      
    ) dbt_internal_test