
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select as_of_date
from "fresh"."intermediate"."int_calendar__as_of_date"
where as_of_date is null



  
  
      
    ) dbt_internal_test