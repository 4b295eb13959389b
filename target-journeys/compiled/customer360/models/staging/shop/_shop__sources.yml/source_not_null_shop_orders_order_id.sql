
    
    



select order_id
from "w"."raw"."shop__orders"
where order_id is null


