
    
    

select
    crm_customer_id as unique_field,
    count(*) as n_records

from "fresh"."staging"."stg_crm__customers"
where crm_customer_id is not null
group by crm_customer_id
having count(*) > 1


