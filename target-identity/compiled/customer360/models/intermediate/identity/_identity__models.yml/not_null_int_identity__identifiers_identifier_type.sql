
    
    



select identifier_type
from "f"."intermediate"."int_identity__identifiers"
where identifier_type is null


