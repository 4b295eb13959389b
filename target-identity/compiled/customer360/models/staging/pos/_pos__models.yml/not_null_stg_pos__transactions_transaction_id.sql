
    
    



select transaction_id
from "f"."staging"."stg_pos__transactions"
where transaction_id is null


