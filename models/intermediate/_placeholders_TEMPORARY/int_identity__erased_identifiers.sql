-- placeholder until branch identity/journeys lands
-- TEMPORARY: identifiers named in erasure requests (the real model also follows the person's links).
select 'crm_customer_id' as identifier_type, crm_customer_id as identifier_value
from {{ ref('stg_crm__erasure_requests') }}
where crm_customer_id is not null
union
select 'email', email
from {{ ref('stg_crm__erasure_requests') }}
where email is not null
