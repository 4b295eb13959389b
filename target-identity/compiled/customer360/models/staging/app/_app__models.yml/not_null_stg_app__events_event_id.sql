
    
    



select event_id
from "f"."staging"."stg_app__events"
where event_id is null


