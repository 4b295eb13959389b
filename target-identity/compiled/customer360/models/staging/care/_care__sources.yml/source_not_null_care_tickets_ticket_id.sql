
    
    



select ticket_id
from "s"."raw"."care__tickets"
where ticket_id is null


