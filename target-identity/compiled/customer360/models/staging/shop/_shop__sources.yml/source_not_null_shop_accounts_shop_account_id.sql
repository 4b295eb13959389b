
    
    



select shop_account_id
from "s"."raw"."shop__accounts"
where shop_account_id is null


