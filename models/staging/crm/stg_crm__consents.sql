with

source as (

    select * from {{ source('crm', 'consents') }}

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

    {{ deduplicate('renamed', 'crm_customer_id, purpose, channel, recorded_at', '_export_date desc, _loaded_at desc, _line_number desc') }}

)

select * from deduplicated
