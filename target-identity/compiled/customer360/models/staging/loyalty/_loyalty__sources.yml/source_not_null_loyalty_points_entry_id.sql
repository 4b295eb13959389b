
    
    



select entry_id
from "warehouse"."raw"."loyalty__points"
where entry_id is null


