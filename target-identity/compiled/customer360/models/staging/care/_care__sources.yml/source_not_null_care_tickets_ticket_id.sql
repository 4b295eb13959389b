
    
    



select ticket_id
from "f"."raw"."care__tickets"
where ticket_id is null


