
    
    



select transaction_id
from "fresh"."raw"."pos__transactions"
where transaction_id is null


