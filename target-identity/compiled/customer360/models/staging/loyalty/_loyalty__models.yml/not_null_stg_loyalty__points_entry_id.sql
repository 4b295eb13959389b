
    
    



select entry_id
from "f"."staging"."stg_loyalty__points"
where entry_id is null


