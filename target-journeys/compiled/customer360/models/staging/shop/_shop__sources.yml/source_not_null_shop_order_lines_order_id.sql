
    
    



select order_id
from "fresh"."raw"."shop__order_lines"
where order_id is null


