
    
    



select event_id
from "fresh"."staging"."stg_web__events"
where event_id is null


