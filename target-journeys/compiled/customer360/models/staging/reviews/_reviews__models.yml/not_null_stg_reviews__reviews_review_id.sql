
    
    



select review_id
from "w"."staging"."stg_reviews__reviews"
where review_id is null


