
    
    



select cart_id
from "f"."raw"."shop__carts"
where cart_id is null


