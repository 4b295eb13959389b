
    
    



select review_id
from "fresh"."raw"."reviews__reviews"
where review_id is null


