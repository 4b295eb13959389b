
    
    



select ticket_id
from "s"."staging"."stg_care__tickets"
where ticket_id is null


