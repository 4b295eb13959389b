
    
    



select entry_id
from "s"."staging"."stg_loyalty__points"
where entry_id is null


