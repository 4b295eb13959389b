
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select
    identifier_type, identifier_value,
    count(*) as occurrences

from "warehouse"."intermediate"."int_identity__blocked_identifiers"
group by identifier_type, identifier_value
having count(*) > 1


  
  
      
    ) dbt_internal_test