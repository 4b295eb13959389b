
    
    



select review_id
from "warehouse"."staging"."stg_reviews__reviews"
where review_id is null


