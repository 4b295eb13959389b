
    
    



select ticket_id
from "warehouse"."raw"."care__tickets"
where ticket_id is null


