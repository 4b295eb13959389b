
    
    



select review_id
from "f"."staging"."stg_reviews__reviews"
where review_id is null


