
    
    



select event_id
from "f"."staging"."stg_web__events"
where event_id is null


