
    
    



select cart_id
from "f"."staging"."stg_shop__carts"
where cart_id is null


