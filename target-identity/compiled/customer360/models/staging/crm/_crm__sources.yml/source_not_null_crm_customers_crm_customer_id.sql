
    
    



select crm_customer_id
from "s"."raw"."crm__customers"
where crm_customer_id is null


