
    
    



select journey_stage
from "w"."marts"."fct_touchpoints"
where journey_stage is null


