
    
    



select event_id
from "w"."staging"."stg_email__events"
where event_id is null


