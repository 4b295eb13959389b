with

source as (

    select * from "fresh"."raw"."email__events"

),

renamed as (

    select
        trim(event_id) as event_id,
        case
        when lower(trim(email)) like '%_@_%._%' then lower(trim(email))
    end as email,
        nullif(trim(campaign_id), '') as campaign_id,
        event_type,
        occurred_at,
        _export_date,
        _loaded_at,
        _line_number

    from source

),

deduplicated as (

    select *
    from renamed
    qualify row_number() over (partition by event_id order by _export_date, _loaded_at, _line_number) = 1

)

select * from deduplicated