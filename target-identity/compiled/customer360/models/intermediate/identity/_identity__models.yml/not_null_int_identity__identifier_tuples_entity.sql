
    
    



select entity
from "f"."intermediate"."int_identity__identifier_tuples"
where entity is null


