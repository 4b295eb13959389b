

select
    identifier_type, identifier_value,
    count(*) as occurrences

from "warehouse"."marts"."bdg_customer_identifiers"
group by identifier_type, identifier_value
having count(*) > 1

