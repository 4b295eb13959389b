

select
    old_customer_id, new_customer_id, changed_at,
    count(*) as occurrences

from "warehouse"."marts"."customer_id_changes"
group by old_customer_id, new_customer_id, changed_at
having count(*) > 1

