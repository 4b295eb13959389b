
    
    



select node_id
from "warehouse"."intermediate"."int_identity__nodes"
where node_id is null


