
    
    



select customer_id
from "warehouse"."intermediate"."int_identity__customer_ids"
where customer_id is null


