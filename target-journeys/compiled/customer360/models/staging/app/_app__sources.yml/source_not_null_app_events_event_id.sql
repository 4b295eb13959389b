
    
    



select event_id
from "w"."raw"."app__events"
where event_id is null


