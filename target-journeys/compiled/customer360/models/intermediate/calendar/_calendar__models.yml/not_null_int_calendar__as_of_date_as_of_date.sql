
    
    



select as_of_date
from "fresh"."intermediate"."int_calendar__as_of_date"
where as_of_date is null


