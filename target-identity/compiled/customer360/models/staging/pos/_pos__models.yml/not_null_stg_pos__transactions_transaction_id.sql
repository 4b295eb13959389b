
    
    



select transaction_id
from "warehouse"."staging"."stg_pos__transactions"
where transaction_id is null


