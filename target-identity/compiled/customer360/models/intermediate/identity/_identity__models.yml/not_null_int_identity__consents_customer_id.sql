
    
    



select customer_id
from "warehouse"."intermediate"."int_identity__consents"
where customer_id is null


