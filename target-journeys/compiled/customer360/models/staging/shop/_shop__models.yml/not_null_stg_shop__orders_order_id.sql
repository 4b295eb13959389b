
    
    



select order_id
from "fresh"."staging"."stg_shop__orders"
where order_id is null


