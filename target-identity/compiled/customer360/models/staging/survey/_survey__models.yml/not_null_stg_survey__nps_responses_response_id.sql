
    
    



select response_id
from "f"."staging"."stg_survey__nps_responses"
where response_id is null


