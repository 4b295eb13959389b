
    
    



select event_id
from "warehouse"."staging"."stg_web__events"
where event_id is null


