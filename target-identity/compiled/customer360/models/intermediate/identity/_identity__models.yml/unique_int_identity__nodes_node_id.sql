
    
    

select
    node_id as unique_field,
    count(*) as n_records

from "warehouse"."intermediate"."int_identity__nodes"
where node_id is not null
group by node_id
having count(*) > 1


