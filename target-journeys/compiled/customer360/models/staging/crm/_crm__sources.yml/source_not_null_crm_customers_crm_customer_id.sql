
    
    



select crm_customer_id
from "w"."raw"."crm__customers"
where crm_customer_id is null


