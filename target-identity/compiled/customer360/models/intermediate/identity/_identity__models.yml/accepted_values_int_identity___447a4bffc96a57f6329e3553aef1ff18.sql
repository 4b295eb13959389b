
    
    

with all_values as (

    select
        identifier_type as value_field,
        count(*) as n_records

    from "warehouse"."intermediate"."int_identity__identifiers"
    group by identifier_type

)

select *
from all_values
where value_field not in (
    'crm_customer_id','loyalty_card_number','shop_account_id','email','phone','social_handle','device_id','anonymous_id'
)


