

select
    source, touchpoint_type,
    count(*) as occurrences

from "w"."reference"."touchpoint_types"
group by source, touchpoint_type
having count(*) > 1

