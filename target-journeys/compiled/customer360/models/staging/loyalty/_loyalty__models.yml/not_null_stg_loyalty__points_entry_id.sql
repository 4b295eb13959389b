
    
    



select entry_id
from "fresh"."staging"."stg_loyalty__points"
where entry_id is null


