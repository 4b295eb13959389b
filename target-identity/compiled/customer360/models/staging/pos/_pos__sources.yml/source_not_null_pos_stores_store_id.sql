
    
    



select store_id
from "f"."raw"."pos__stores"
where store_id is null


