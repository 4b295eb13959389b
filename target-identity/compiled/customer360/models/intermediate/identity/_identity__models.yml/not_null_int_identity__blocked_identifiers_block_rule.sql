
    
    



select block_rule
from "b100k"."intermediate"."int_identity__blocked_identifiers"
where block_rule is null


