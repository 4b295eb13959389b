
    
    



select customer_id
from "s"."intermediate"."int_identity__erasures"
where customer_id is null


