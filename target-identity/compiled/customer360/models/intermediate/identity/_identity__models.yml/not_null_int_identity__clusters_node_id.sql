
    
    



select node_id
from "warehouse"."intermediate"."int_identity__clusters"
where node_id is null


