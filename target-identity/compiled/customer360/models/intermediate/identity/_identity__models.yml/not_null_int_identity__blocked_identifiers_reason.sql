
    
    



select reason
from "f"."intermediate"."int_identity__blocked_identifiers"
where reason is null


