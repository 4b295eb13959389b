
    
    



select event_id
from "fresh"."raw"."web__events"
where event_id is null


