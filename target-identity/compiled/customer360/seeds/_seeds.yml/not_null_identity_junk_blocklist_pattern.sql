
    
    



select pattern
from "s"."reference"."identity_junk_blocklist"
where pattern is null


