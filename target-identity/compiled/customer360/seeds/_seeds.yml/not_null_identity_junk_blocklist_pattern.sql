
    
    



select pattern
from "warehouse"."reference"."identity_junk_blocklist"
where pattern is null


