
    
    



select entity
from "s"."intermediate"."int_identity__identifier_tuples"
where entity is null


