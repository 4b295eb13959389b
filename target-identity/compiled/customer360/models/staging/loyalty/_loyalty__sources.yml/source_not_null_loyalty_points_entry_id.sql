
    
    



select entry_id
from "s"."raw"."loyalty__points"
where entry_id is null


