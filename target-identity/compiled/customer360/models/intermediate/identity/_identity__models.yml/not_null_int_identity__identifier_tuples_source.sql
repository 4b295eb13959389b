
    
    



select source
from "warehouse"."intermediate"."int_identity__identifier_tuples"
where source is null


