
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select match_type
from "warehouse"."reference"."identity_junk_blocklist"
where match_type is null



  
  
      
    ) dbt_internal_test