
    
    



select review_id
from "warehouse"."raw"."reviews__reviews"
where review_id is null


