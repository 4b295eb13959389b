

select
    crm_customer_id, purpose, channel, recorded_at,
    count(*) as occurrences

from "warehouse"."staging"."stg_crm__consents"
group by crm_customer_id, purpose, channel, recorded_at
having count(*) > 1

