
    
    



select shop_account_id
from "s"."staging"."stg_shop__accounts"
where shop_account_id is null


