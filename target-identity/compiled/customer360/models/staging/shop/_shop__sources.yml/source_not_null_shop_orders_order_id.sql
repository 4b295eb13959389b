
    
    



select order_id
from "s"."raw"."shop__orders"
where order_id is null


