
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    



select shop_account_id
from "fresh"."raw"."shop__accounts"
where shop_account_id is null



  
  
      
    ) dbt_internal_test