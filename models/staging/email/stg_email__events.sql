with

source as (

    select * from {{ source('email', 'events') }}

),

renamed as (

    select
        trim(event_id) as event_id,
        {{ normalise_email('email') }} as email,
        nullif(trim(campaign_id), '') as campaign_id,
        event_type,
        occurred_at,
        _export_date,
        _loaded_at,
        _line_number

    from source

),

deduplicated as (

    {{ deduplicate('renamed', 'event_id', '_export_date, _loaded_at, _line_number') }}

)

select * from deduplicated
