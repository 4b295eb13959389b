
    
    



select review_id
from "s"."raw"."reviews__reviews"
where review_id is null


