
    
    

with child as (
    select stage as from_field
    from "fresh"."marts"."fct_journey_stages"
    where stage is not null
),

parent as (
    select stage as to_field
    from "fresh"."reference"."journey_stages"
)

select
    from_field

from child
left join parent
    on child.from_field = parent.to_field

where parent.to_field is null


