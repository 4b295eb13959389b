
    
    



select node_id
from "s"."intermediate"."int_identity__nodes"
where node_id is null


