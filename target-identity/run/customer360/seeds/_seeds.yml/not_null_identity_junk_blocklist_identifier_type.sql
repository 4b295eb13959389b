
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select identifier_type
from "warehouse"."reference"."identity_junk_blocklist"
where identifier_type is null



  
  
      
    ) dbt_internal_test