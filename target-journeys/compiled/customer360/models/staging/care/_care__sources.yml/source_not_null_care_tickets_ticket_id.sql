
    
    



select ticket_id
from "fresh"."raw"."care__tickets"
where ticket_id is null


