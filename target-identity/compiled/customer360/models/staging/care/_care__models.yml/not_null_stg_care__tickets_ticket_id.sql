
    
    



select ticket_id
from "warehouse"."staging"."stg_care__tickets"
where ticket_id is null


