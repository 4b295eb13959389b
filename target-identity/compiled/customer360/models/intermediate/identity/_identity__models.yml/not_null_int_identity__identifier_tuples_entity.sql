
    
    



select entity
from "warehouse"."intermediate"."int_identity__identifier_tuples"
where entity is null


