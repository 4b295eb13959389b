
    
    



select entry_id
from "w"."staging"."stg_loyalty__points"
where entry_id is null


