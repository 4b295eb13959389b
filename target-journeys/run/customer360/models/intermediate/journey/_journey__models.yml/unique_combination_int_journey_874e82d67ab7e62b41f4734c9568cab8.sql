
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select
    source, entity, export_date, source_file,
    count(*) as occurrences

from "fresh"."intermediate"."int_journey__late_events"
group by source, entity, export_date, source_file
having count(*) > 1


  
  
      
    ) dbt_internal_test