
    
    



select cart_id
from "warehouse"."raw"."shop__carts"
where cart_id is null


