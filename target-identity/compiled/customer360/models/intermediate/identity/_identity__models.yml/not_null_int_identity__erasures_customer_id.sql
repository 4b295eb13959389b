
    
    



select customer_id
from "warehouse"."intermediate"."int_identity__erasures"
where customer_id is null


