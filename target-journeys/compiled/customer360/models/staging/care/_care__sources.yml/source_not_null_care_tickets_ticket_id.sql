
    
    



select ticket_id
from "w"."raw"."care__tickets"
where ticket_id is null


