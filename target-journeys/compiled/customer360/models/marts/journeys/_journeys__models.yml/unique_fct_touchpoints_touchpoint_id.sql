
    
    

select
    touchpoint_id as unique_field,
    count(*) as n_records

from "fresh"."marts"."fct_touchpoints"
where touchpoint_id is not null
group by touchpoint_id
having count(*) > 1


