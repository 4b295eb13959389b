
    
    



select review_id
from "fresh"."staging"."stg_reviews__reviews"
where review_id is null


