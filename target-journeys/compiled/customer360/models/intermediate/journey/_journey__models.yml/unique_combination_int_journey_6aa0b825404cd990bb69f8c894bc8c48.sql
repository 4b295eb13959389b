

select
    identifier_type, identifier_value,
    count(*) as occurrences

from "fresh"."intermediate"."int_journey__identifier_lookup"
group by identifier_type, identifier_value
having count(*) > 1

