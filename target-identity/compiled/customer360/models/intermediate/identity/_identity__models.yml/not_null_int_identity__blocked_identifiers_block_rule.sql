
    
    



select block_rule
from "s"."intermediate"."int_identity__blocked_identifiers"
where block_rule is null


