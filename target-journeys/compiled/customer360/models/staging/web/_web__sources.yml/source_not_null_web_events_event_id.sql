
    
    



select event_id
from "w"."raw"."web__events"
where event_id is null


