
    
    



select cart_id
from "s"."raw"."shop__carts"
where cart_id is null


