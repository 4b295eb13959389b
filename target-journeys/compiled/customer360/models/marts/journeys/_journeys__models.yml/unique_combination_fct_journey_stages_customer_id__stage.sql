

select
    customer_id, stage,
    count(*) as occurrences

from "fresh"."marts"."fct_journey_stages"
group by customer_id, stage
having count(*) > 1

