
    
    



select event_id
from "f"."raw"."app__events"
where event_id is null


