
    
    



select cart_id
from "fresh"."staging"."stg_shop__carts"
where cart_id is null


