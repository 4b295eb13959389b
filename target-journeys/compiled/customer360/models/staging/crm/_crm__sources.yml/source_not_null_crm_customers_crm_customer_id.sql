
    
    



select crm_customer_id
from "fresh"."raw"."crm__customers"
where crm_customer_id is null


