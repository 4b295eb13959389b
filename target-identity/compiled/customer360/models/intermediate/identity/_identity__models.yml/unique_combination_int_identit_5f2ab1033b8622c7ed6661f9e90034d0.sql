

select
    low_node_id, high_node_id,
    count(*) as occurrences

from "warehouse"."intermediate"."int_identity__graph_edges"
group by low_node_id, high_node_id
having count(*) > 1

