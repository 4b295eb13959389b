
    
    



select stage
from "w"."reference"."journey_stages"
where stage is null


