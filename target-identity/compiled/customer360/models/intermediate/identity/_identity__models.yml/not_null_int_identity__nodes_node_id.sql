
    
    



select node_id
from "f"."intermediate"."int_identity__nodes"
where node_id is null


