
    
    



select order_id
from "f"."staging"."stg_shop__orders"
where order_id is null


