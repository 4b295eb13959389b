

select
    order_id, model, touchpoint_id,
    count(*) as occurrences

from "fresh"."marts"."fct_order_attribution"
group by order_id, model, touchpoint_id
having count(*) > 1

