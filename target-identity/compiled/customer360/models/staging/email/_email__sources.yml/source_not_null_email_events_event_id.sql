
    
    



select event_id
from "f"."raw"."email__events"
where event_id is null


