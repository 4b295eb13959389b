
    
    



select shop_account_id
from "fresh"."raw"."shop__accounts"
where shop_account_id is null


