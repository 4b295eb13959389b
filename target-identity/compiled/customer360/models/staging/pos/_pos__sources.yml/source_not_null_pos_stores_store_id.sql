
    
    



select store_id
from "warehouse"."raw"."pos__stores"
where store_id is null


