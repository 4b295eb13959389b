
    
    



select order_id
from "warehouse"."raw"."shop__orders"
where order_id is null


