
    
    



select crm_customer_id
from "warehouse"."raw"."crm__customers"
where crm_customer_id is null


