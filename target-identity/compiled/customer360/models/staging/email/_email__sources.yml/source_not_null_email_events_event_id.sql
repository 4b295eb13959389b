
    
    



select event_id
from "warehouse"."raw"."email__events"
where event_id is null


