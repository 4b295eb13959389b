
    
    



select order_id
from "fresh"."raw"."shop__orders"
where order_id is null


