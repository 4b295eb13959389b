
    
    



select order_id
from "s"."staging"."stg_shop__orders"
where order_id is null


