
    
    



select transaction_id
from "warehouse"."raw"."pos__transactions"
where transaction_id is null


