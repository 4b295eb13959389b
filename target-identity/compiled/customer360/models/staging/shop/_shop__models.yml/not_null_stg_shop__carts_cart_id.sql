
    
    



select cart_id
from "warehouse"."staging"."stg_shop__carts"
where cart_id is null


