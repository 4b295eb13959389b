
    
    



select ticket_id
from "f"."staging"."stg_care__tickets"
where ticket_id is null


