
    
    



select event_id
from "w"."staging"."stg_app__events"
where event_id is null


