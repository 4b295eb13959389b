
    
    



select transaction_id
from "f"."raw"."pos__transactions"
where transaction_id is null


