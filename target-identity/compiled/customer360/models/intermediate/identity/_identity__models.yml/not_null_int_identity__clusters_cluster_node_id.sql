
    
    



select cluster_node_id
from "warehouse"."intermediate"."int_identity__clusters"
where cluster_node_id is null


