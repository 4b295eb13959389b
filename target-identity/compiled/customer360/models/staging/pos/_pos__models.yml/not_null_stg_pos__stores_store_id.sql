
    
    



select store_id
from "warehouse"."staging"."stg_pos__stores"
where store_id is null


