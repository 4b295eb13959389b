
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        change_kind as value_field,
        count(*) as n_records

    from "warehouse"."marts"."customer_id_changes"
    group by change_kind

)

select *
from all_values
where value_field not in (
    'merge','split'
)



  
  
      
    ) dbt_internal_test