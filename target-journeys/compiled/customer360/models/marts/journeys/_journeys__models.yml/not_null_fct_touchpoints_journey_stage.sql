
    
    



select journey_stage
from "fresh"."marts"."fct_touchpoints"
where journey_stage is null


