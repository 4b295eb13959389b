
    
    



select event_id
from "warehouse"."raw"."web__events"
where event_id is null


