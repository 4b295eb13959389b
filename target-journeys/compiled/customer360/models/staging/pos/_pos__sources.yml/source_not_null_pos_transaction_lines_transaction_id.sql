
    
    



select transaction_id
from "fresh"."raw"."pos__transaction_lines"
where transaction_id is null


