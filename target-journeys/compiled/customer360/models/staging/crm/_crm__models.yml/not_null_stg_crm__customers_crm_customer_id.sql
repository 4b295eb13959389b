
    
    



select crm_customer_id
from "fresh"."staging"."stg_crm__customers"
where crm_customer_id is null


