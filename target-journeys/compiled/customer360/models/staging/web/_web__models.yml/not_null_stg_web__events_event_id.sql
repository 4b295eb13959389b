
    
    



select event_id
from "w"."staging"."stg_web__events"
where event_id is null


