
    
    



select cluster_node_id
from "b100k"."intermediate"."int_identity__clusters"
where cluster_node_id is null


