
    
    



select source
from "s"."intermediate"."int_identity__identifier_tuples"
where source is null


