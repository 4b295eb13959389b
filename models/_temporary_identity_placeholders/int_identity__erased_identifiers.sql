-- placeholder until branch identity lands: TEMPORARY, delete this folder when merging identity.
-- The identifiers named in erasure requests (the real model also erases the rest of the person).
{{ config(schema='intermediate') }}

select distinct 'crm_customer_id' as identifier_type, crm_customer_id as identifier_value
from {{ ref('stg_crm__erasure_requests') }}
where crm_customer_id is not null
union all
select distinct 'email', email
from {{ ref('stg_crm__erasure_requests') }}
where email is not null
