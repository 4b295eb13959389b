
    
    



select customer_id
from "s"."intermediate"."int_identity__home_stores"
where customer_id is null


