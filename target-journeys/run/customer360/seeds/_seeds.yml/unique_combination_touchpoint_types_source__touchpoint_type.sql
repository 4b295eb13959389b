
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select
    source, touchpoint_type,
    count(*) as occurrences

from "w"."reference"."touchpoint_types"
group by source, touchpoint_type
having count(*) > 1


  
  
      
    ) dbt_internal_test