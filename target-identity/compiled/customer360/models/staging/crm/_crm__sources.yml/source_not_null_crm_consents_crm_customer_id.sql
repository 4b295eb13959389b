
    
    



select crm_customer_id
from "warehouse"."raw"."crm__consents"
where crm_customer_id is null


