
    
    



select transaction_id
from "w"."raw"."pos__transactions"
where transaction_id is null


