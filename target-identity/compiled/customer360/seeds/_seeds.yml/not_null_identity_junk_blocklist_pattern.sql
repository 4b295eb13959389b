
    
    



select pattern
from "f"."reference"."identity_junk_blocklist"
where pattern is null


