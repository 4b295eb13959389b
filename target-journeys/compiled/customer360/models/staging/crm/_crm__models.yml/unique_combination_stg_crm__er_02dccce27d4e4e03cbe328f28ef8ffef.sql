

select
    crm_customer_id, email, requested_at,
    count(*) as occurrences

from "fresh"."staging"."stg_crm__erasure_requests"
group by crm_customer_id, email, requested_at
having count(*) > 1

