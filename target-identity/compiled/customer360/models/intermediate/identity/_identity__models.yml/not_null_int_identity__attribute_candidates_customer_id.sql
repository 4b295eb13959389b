
    
    



select customer_id
from "s"."intermediate"."int_identity__attribute_candidates"
where customer_id is null


