
    
    



select match_type
from "s"."reference"."identity_junk_blocklist"
where match_type is null


