

select
    identifier_type, identifier_value,
    count(*) as occurrences

from "warehouse"."intermediate"."int_identity__customer_ids"
group by identifier_type, identifier_value
having count(*) > 1

