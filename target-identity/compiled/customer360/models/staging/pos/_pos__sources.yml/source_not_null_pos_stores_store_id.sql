
    
    



select store_id
from "s"."raw"."pos__stores"
where store_id is null


