
    
    



select block_rule
from "f"."intermediate"."int_identity__blocked_identifiers"
where block_rule is null


