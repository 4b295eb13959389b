with

source as (

    select * from {{ source('crm', 'erasure_requests') }}

),

renamed as (

    select
        nullif(trim(crm_customer_id), '') as crm_customer_id,
        {{ normalise_email('email') }} as email,
        requested_at,
        _export_date,
        _loaded_at

    from source

),

-- the first request for a person is the one that counts
deduplicated as (

    {{ deduplicate('renamed', "coalesce(crm_customer_id, ''), coalesce(email, '')", 'requested_at, _loaded_at') }}

)

select * from deduplicated
