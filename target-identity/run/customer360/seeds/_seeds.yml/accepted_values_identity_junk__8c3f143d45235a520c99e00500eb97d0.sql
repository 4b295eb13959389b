
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        match_type as value_field,
        count(*) as n_records

    from "warehouse"."reference"."identity_junk_blocklist"
    group by match_type

)

select *
from all_values
where value_field not in (
    'value','like','repeated_digit'
)



  
  
      
    ) dbt_internal_test