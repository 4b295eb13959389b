
    
    



select identifier_type
from "s"."intermediate"."int_identity__identifiers"
where identifier_type is null


