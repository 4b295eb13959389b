
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  
    
    

with all_values as (

    select
        identifier_type as value_field,
        count(*) as n_records

    from "warehouse"."reference"."identity_junk_blocklist"
    group by identifier_type

)

select *
from all_values
where value_field not in (
    'crm_customer_id','loyalty_card_number','shop_account_id','email','phone','social_handle','device_id','anonymous_id'
)



  
  
      
    ) dbt_internal_test