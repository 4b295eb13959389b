
    
    



select store_id
from "fresh"."staging"."stg_pos__stores"
where store_id is null


