
    
    



select is_converged
from "s"."intermediate"."int_identity__convergence"
where is_converged is null


