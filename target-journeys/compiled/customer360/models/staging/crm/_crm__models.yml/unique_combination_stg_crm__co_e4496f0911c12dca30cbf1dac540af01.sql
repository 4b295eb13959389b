

select
    crm_customer_id, purpose, channel, recorded_at,
    count(*) as occurrences

from "w"."staging"."stg_crm__consents"
group by crm_customer_id, purpose, channel, recorded_at
having count(*) > 1

