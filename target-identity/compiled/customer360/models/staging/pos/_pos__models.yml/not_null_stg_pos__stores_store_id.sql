
    
    



select store_id
from "f"."staging"."stg_pos__stores"
where store_id is null


