
    
    



select transaction_id
from "s"."raw"."pos__transactions"
where transaction_id is null


