
    
    



select event_id
from "f"."staging"."stg_email__events"
where event_id is null


