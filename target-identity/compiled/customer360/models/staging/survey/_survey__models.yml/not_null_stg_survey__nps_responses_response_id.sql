
    
    



select response_id
from "warehouse"."staging"."stg_survey__nps_responses"
where response_id is null


