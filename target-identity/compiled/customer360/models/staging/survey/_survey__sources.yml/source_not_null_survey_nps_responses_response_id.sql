
    
    



select response_id
from "f"."raw"."survey__nps_responses"
where response_id is null


