
    
    



select event_id
from "fresh"."raw"."app__events"
where event_id is null


