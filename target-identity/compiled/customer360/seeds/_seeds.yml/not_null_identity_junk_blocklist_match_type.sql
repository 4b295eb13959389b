
    
    



select match_type
from "f"."reference"."identity_junk_blocklist"
where match_type is null


