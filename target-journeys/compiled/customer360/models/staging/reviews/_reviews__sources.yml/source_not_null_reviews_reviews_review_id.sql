
    
    



select review_id
from "w"."raw"."reviews__reviews"
where review_id is null


