
    
    



select event_id
from "s"."raw"."web__events"
where event_id is null


