

select
    source, entity, export_date, source_file,
    count(*) as occurrences

from "fresh"."intermediate"."int_journey__late_events"
group by source, entity, export_date, source_file
having count(*) > 1

