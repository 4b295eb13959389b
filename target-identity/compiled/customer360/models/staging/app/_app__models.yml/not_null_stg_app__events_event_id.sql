
    
    



select event_id
from "s"."staging"."stg_app__events"
where event_id is null


