
    
    



select identifier_type
from "warehouse"."reference"."identity_junk_blocklist"
where identifier_type is null


