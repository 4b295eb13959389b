
    
    



select reason
from "warehouse"."reference"."identity_junk_blocklist"
where reason is null


