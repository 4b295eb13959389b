

select
    transaction_id, line_number,
    count(*) as occurrences

from "fresh"."staging"."stg_pos__transaction_lines"
group by transaction_id, line_number
having count(*) > 1

