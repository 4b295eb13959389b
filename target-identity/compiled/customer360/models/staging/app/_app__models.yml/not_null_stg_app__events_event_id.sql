
    
    



select event_id
from "warehouse"."staging"."stg_app__events"
where event_id is null


