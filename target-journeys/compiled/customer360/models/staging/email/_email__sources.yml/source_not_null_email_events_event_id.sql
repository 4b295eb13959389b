
    
    



select event_id
from "fresh"."raw"."email__events"
where event_id is null


