
    
    



select identifier_type
from "f"."reference"."identity_junk_blocklist"
where identifier_type is null


