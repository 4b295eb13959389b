
    
    



select shop_account_id
from "fresh"."staging"."stg_shop__accounts"
where shop_account_id is null


