
    
    



select entry_id
from "w"."raw"."loyalty__points"
where entry_id is null


