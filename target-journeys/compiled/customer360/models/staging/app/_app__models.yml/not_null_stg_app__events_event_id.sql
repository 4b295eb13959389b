
    
    



select event_id
from "fresh"."staging"."stg_app__events"
where event_id is null


