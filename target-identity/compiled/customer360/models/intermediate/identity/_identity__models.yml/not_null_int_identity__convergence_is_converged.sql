
    
    



select is_converged
from "warehouse"."intermediate"."int_identity__convergence"
where is_converged is null


