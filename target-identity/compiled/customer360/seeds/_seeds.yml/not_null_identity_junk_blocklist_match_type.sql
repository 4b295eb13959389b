
    
    



select match_type
from "warehouse"."reference"."identity_junk_blocklist"
where match_type is null


