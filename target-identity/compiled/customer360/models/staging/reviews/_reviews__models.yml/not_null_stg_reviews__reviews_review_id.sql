
    
    



select review_id
from "s"."staging"."stg_reviews__reviews"
where review_id is null


