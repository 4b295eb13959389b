
    
    



select reason
from "warehouse"."intermediate"."int_identity__blocked_identifiers"
where reason is null


