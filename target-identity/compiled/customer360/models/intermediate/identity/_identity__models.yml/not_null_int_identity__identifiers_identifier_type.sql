
    
    



select identifier_type
from "warehouse"."intermediate"."int_identity__identifiers"
where identifier_type is null


