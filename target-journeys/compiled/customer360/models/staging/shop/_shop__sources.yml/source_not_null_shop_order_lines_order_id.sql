
    
    



select order_id
from "w"."raw"."shop__order_lines"
where order_id is null


