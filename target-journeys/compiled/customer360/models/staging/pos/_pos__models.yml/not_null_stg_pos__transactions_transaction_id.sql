
    
    



select transaction_id
from "w"."staging"."stg_pos__transactions"
where transaction_id is null


