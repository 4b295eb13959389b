
  
  create view "fresh"."staging"."stg_crm__erasure_requests__dbt_tmp" as (
    with

source as (

    select * from "fresh"."raw"."crm__erasure_requests"

),

renamed as (

    select
        nullif(trim(crm_customer_id), '') as crm_customer_id,
        case
        when lower(trim(email)) like '%_@_%._%' then lower(trim(email))
    end as email,
        requested_at,
        _export_date,
        _loaded_at

    from source

),

-- the first request for a person is the one that counts
deduplicated as (

    select *
    from renamed
    qualify row_number() over (partition by coalesce(crm_customer_id, ''), coalesce(email, '') order by requested_at, _loaded_at) = 1

)

select * from deduplicated
  );
