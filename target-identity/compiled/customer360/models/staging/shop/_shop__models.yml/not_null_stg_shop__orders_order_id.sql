
    
    



select order_id
from "warehouse"."staging"."stg_shop__orders"
where order_id is null


