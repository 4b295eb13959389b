
    
    



select ticket_id
from "w"."staging"."stg_care__tickets"
where ticket_id is null


