
    
    



select crm_customer_id
from "w"."raw"."crm__consents"
where crm_customer_id is null


