
    
    



select reason
from "s"."reference"."identity_junk_blocklist"
where reason is null


