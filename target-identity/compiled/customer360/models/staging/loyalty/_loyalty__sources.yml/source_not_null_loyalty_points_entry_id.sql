
    
    



select entry_id
from "f"."raw"."loyalty__points"
where entry_id is null


