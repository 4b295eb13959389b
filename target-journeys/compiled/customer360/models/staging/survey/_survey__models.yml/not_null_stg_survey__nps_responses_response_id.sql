
    
    



select response_id
from "fresh"."staging"."stg_survey__nps_responses"
where response_id is null


