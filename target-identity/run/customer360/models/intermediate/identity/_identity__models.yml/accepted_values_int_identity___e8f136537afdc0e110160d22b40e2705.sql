
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        block_rule as value_field,
        count(*) as n_records

    from "warehouse"."intermediate"."int_identity__blocked_identifiers"
    group by block_rule

)

select *
from all_values
where value_field not in (
    'blocklist','shared','household'
)



  
  
      
    ) dbt_internal_test