
    
    

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


