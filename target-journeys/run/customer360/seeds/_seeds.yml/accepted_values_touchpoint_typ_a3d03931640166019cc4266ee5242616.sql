
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        journey_stage as value_field,
        count(*) as n_records

    from "w"."reference"."touchpoint_types"
    group by journey_stage

)

select *
from all_values
where value_field not in (
    'awareness','consideration','intent','purchase','service','retention','advocacy'
)



  
  
      
    ) dbt_internal_test