
    
    



select customer_id
from "warehouse"."intermediate"."int_identity__attribute_candidates"
where customer_id is null


