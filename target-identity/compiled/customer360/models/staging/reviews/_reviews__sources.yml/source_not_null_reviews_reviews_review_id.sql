
    
    



select review_id
from "f"."raw"."reviews__reviews"
where review_id is null


