
    
    



select shop_account_id
from "w"."raw"."shop__accounts"
where shop_account_id is null


