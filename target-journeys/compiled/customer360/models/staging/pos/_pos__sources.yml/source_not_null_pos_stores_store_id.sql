
    
    



select store_id
from "w"."raw"."pos__stores"
where store_id is null


