
    
    



select identifier_value
from "s"."intermediate"."int_identity__identifiers"
where identifier_value is null


