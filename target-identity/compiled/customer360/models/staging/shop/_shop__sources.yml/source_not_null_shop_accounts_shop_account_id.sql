
    
    



select shop_account_id
from "f"."raw"."shop__accounts"
where shop_account_id is null


