
    
    



select node_id
from "b100k"."intermediate"."int_identity__clusters"
where node_id is null


