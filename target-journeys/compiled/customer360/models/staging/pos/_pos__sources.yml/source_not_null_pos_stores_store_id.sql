
    
    



select store_id
from "fresh"."raw"."pos__stores"
where store_id is null


