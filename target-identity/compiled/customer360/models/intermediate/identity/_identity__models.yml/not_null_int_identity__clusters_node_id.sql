
    
    



select node_id
from "f"."intermediate"."int_identity__clusters"
where node_id is null


