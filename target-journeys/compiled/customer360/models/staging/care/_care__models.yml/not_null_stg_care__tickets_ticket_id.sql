
    
    



select ticket_id
from "fresh"."staging"."stg_care__tickets"
where ticket_id is null


