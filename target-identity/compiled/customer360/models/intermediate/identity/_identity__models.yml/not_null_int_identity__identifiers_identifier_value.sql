
    
    



select identifier_value
from "warehouse"."intermediate"."int_identity__identifiers"
where identifier_value is null


