
    
    



select event_id
from "s"."raw"."app__events"
where event_id is null


