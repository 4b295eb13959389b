
    
    



select stage_order
from "w"."reference"."journey_stages"
where stage_order is null


