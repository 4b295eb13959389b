
    
    



select reason
from "s"."intermediate"."int_identity__blocked_identifiers"
where reason is null


