
    
    



select order_id
from "f"."raw"."shop__orders"
where order_id is null


