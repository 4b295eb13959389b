

select
    order_id, line_number,
    count(*) as occurrences

from "fresh"."marts"."fct_order_lines"
group by order_id, line_number
having count(*) > 1

