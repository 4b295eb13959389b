
    
    



select block_rule
from "warehouse"."intermediate"."int_identity__blocked_identifiers"
where block_rule is null


