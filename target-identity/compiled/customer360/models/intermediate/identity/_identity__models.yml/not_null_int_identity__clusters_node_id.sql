
    
    



select node_id
from "s"."intermediate"."int_identity__clusters"
where node_id is null


