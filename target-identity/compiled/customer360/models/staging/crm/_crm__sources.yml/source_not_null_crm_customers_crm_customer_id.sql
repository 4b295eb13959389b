
    
    



select crm_customer_id
from "f"."raw"."crm__customers"
where crm_customer_id is null


