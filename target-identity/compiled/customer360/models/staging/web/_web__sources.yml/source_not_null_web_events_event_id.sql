
    
    



select event_id
from "f"."raw"."web__events"
where event_id is null


