
    
    



select reason
from "b100k"."intermediate"."int_identity__blocked_identifiers"
where reason is null


