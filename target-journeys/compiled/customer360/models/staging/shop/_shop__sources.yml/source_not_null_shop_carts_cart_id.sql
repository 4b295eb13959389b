
    
    



select cart_id
from "fresh"."raw"."shop__carts"
where cart_id is null


