
    
    



select customer_id
from "warehouse"."intermediate"."int_identity__golden_records"
where customer_id is null


