
    
    



select entry_id
from "fresh"."raw"."loyalty__points"
where entry_id is null


