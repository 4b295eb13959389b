
    
    



select transaction_id
from "fresh"."staging"."stg_pos__transactions"
where transaction_id is null


