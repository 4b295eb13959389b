
    
    

select
    stage as unique_field,
    count(*) as n_records

from "w"."reference"."journey_stages"
where stage is not null
group by stage
having count(*) > 1


