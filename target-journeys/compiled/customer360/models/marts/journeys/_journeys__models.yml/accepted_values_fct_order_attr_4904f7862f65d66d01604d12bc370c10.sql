
    
    

with all_values as (

    select
        model as value_field,
        count(*) as n_records

    from "fresh"."marts"."fct_order_attribution"
    group by model

)

select *
from all_values
where value_field not in (
    'first_touch','last_touch','linear'
)


