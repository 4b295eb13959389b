
    
    



select event_id
from "s"."staging"."stg_web__events"
where event_id is null


