
  
  create view "fresh"."intermediate"."int_identity__erased_identifiers__dbt_tmp" as (
    -- placeholder until branch identity lands: TEMPORARY, delete this folder when merging identity.
-- The identifiers named in erasure requests (the real model also erases the rest of the person).


select distinct 'crm_customer_id' as identifier_type, crm_customer_id as identifier_value
from "fresh"."staging"."stg_crm__erasure_requests"
where crm_customer_id is not null
union all
select distinct 'email', email
from "fresh"."staging"."stg_crm__erasure_requests"
where email is not null
  );
