
    
    



select store_id
from "s"."staging"."stg_pos__stores"
where store_id is null


