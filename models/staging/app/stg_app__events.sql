with

source as (

    select * from {{ source('app', 'events') }}

),

renamed as (

    select
        ---------- ids
        trim(event_id) as event_id,
        trim(device_id) as device_id,
        -- app_user_id is the shop account once the user has logged in
        nullif(trim(app_user_id), '') as shop_account_id,

        ---------- attributes
        platform,
        event_type,

        ---------- timestamps
        occurred_at,
        coalesce(received_at, occurred_at) as received_at,

        ---------- lineage
        _export_date,
        _loaded_at,
        _line_number

    from source

),

-- a duplicate delivery of an event counts once: the first delivery wins
deduplicated as (

    {{ deduplicate('renamed', 'event_id', '_export_date, _loaded_at, _line_number') }}

)

select * from deduplicated
