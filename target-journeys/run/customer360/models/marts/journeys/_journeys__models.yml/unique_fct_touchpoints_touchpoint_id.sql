
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    touchpoint_id as unique_field,
    count(*) as n_records

from "fresh"."marts"."fct_touchpoints"
where touchpoint_id is not null
group by touchpoint_id
having count(*) > 1



  
  
      
    ) dbt_internal_test