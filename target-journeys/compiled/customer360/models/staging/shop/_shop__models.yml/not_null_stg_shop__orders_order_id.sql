
    
    



select order_id
from "w"."staging"."stg_shop__orders"
where order_id is null


