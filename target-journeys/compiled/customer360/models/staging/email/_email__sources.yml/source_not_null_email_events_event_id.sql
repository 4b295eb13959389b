
    
    



select event_id
from "w"."raw"."email__events"
where event_id is null


