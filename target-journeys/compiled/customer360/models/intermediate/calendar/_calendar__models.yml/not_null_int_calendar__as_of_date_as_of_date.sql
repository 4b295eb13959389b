
    
    



select as_of_date
from "w"."intermediate"."int_calendar__as_of_date"
where as_of_date is null


