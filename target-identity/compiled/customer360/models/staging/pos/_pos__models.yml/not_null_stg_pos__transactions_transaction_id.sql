
    
    



select transaction_id
from "s"."staging"."stg_pos__transactions"
where transaction_id is null


