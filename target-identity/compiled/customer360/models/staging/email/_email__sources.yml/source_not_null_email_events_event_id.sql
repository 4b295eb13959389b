
    
    



select event_id
from "s"."raw"."email__events"
where event_id is null


