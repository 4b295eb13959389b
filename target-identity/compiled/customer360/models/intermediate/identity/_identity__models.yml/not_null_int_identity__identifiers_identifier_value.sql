
    
    



select identifier_value
from "f"."intermediate"."int_identity__identifiers"
where identifier_value is null


