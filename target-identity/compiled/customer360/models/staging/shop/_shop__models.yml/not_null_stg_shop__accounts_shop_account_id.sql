
    
    



select shop_account_id
from "warehouse"."staging"."stg_shop__accounts"
where shop_account_id is null


