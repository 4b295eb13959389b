
    
    



select source
from "b100k"."intermediate"."int_identity__identifier_tuples"
where source is null


