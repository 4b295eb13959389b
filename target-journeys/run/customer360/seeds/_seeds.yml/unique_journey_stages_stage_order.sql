
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    stage_order as unique_field,
    count(*) as n_records

from "w"."reference"."journey_stages"
where stage_order is not null
group by stage_order
having count(*) > 1



  
  
      
    ) dbt_internal_test