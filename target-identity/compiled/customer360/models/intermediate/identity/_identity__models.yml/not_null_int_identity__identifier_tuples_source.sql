
    
    



select source
from "f"."intermediate"."int_identity__identifier_tuples"
where source is null


