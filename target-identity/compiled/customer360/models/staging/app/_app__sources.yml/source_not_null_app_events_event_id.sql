
    
    



select event_id
from "warehouse"."raw"."app__events"
where event_id is null


