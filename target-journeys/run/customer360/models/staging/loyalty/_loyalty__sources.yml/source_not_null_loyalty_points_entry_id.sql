
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select entry_id
from "fresh"."raw"."loyalty__points"
where entry_id is null



  
  
      
    ) dbt_internal_test