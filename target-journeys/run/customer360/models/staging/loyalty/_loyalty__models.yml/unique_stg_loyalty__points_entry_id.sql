
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

select
    entry_id as unique_field,
    count(*) as n_records

from "fresh"."staging"."stg_loyalty__points"
where entry_id is not null
group by entry_id
having count(*) > 1



  
  
      
    ) dbt_internal_test