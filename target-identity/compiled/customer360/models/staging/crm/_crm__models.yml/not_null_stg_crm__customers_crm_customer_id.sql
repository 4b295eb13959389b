
    
    



select crm_customer_id
from "warehouse"."staging"."stg_crm__customers"
where crm_customer_id is null


