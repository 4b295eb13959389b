
    
    



select transaction_id
from "w"."raw"."pos__transaction_lines"
where transaction_id is null


