
    
    



select identifier_type
from "s"."reference"."identity_junk_blocklist"
where identifier_type is null


