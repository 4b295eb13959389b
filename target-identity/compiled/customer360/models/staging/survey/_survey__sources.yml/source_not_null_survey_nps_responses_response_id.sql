
    
    



select response_id
from "warehouse"."raw"."survey__nps_responses"
where response_id is null


