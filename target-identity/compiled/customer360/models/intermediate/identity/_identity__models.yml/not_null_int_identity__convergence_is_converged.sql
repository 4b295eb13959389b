
    
    



select is_converged
from "f"."intermediate"."int_identity__convergence"
where is_converged is null


