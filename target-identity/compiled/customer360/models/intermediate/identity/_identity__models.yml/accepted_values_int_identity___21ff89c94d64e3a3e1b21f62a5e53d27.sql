
    
    

with all_values as (

    select
        change_kind as value_field,
        count(*) as n_records

    from "warehouse"."intermediate"."int_identity__customer_ids"
    group by change_kind

)

select *
from all_values
where value_field not in (
    'merge','split'
)


