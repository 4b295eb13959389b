
    
    



select cart_id
from "w"."staging"."stg_shop__carts"
where cart_id is null


