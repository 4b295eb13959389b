

select
    order_id, model, touchpoint_id,
    count(*) as occurrences

from "w"."marts"."fct_order_attribution"
group by order_id, model, touchpoint_id
having count(*) > 1

