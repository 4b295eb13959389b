
    
    



select response_id
from "fresh"."raw"."survey__nps_responses"
where response_id is null


