
    
    



select event_id
from "fresh"."staging"."stg_email__events"
where event_id is null


