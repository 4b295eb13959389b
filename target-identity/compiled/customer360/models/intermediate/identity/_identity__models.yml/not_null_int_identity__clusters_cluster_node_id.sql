
    
    



select cluster_node_id
from "s"."intermediate"."int_identity__clusters"
where cluster_node_id is null


