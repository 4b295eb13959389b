
    
    



select customer_id
from "s"."intermediate"."int_identity__consents"
where customer_id is null


