
    
    



select store_id
from "w"."staging"."stg_pos__stores"
where store_id is null


