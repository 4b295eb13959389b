
    
    



select entity
from "b100k"."intermediate"."int_identity__identifier_tuples"
where entity is null


