
    
    



select customer_id
from "warehouse"."intermediate"."int_identity__home_stores"
where customer_id is null


