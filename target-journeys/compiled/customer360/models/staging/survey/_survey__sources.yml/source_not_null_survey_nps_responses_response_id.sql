
    
    



select response_id
from "w"."raw"."survey__nps_responses"
where response_id is null


