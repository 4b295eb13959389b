
    
    



select event_id
from "s"."staging"."stg_email__events"
where event_id is null


