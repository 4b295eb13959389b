
    
    



select reason
from "f"."reference"."identity_junk_blocklist"
where reason is null


