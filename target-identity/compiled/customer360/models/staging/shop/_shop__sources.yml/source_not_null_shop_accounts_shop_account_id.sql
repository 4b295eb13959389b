
    
    



select shop_account_id
from "warehouse"."raw"."shop__accounts"
where shop_account_id is null


