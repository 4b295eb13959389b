
    
    



select cart_id
from "w"."raw"."shop__carts"
where cart_id is null


