
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  

select
    identifier_a_type, identifier_a_value, identifier_b_type, identifier_b_value,
    count(*) as occurrences

from "warehouse"."intermediate"."int_identity__edges"
group by identifier_a_type, identifier_a_value, identifier_b_type, identifier_b_value
having count(*) > 1


  
  
      
    ) dbt_internal_test