
    
    



select customer_id
from "f"."intermediate"."int_identity__customer_ids"
where customer_id is null


