
    
    



select entry_id
from "warehouse"."staging"."stg_loyalty__points"
where entry_id is null


