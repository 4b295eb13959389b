
    
    



select cart_id
from "s"."staging"."stg_shop__carts"
where cart_id is null


