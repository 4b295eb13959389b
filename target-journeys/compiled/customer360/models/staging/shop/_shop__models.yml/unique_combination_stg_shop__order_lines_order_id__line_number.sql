

select
    order_id, line_number,
    count(*) as occurrences

from "fresh"."staging"."stg_shop__order_lines"
group by order_id, line_number
having count(*) > 1

