
  
  create view "w"."staging"."stg_crm__consents__dbt_tmp" as (
    with

source as (

    select * from "w"."raw"."crm__consents"

),

renamed as (

    select
        trim(crm_customer_id) as crm_customer_id,
        purpose,
        channel,
        granted as is_granted,
        recorded_at,
        _export_date,
        _loaded_at,
        _line_number

    from source

),

-- the same consent event delivered twice counts once
deduplicated as (

    select *
    from renamed
    qualify row_number() over (partition by crm_customer_id, purpose, channel, recorded_at order by _export_date desc, _loaded_at desc, _line_number desc) = 1

)

select * from deduplicated
  );
