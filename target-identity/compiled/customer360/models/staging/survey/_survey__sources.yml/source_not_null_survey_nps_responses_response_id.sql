
    
    



select response_id
from "s"."raw"."survey__nps_responses"
where response_id is null


