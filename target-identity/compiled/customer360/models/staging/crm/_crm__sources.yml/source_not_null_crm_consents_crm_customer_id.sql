
    
    



select crm_customer_id
from "s"."raw"."crm__consents"
where crm_customer_id is null


