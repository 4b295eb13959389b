
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select crm_customer_id
from "fresh"."raw"."crm__customers"
where crm_customer_id is null



  
  
      
    ) dbt_internal_test