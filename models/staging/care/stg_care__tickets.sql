with

source as (

    select * from {{ source('care', 'tickets') }}

),

renamed as (

    select
        ---------- ids
        trim(ticket_id) as ticket_id,
        {{ normalise_email('contact_email') }} as contact_email,
        {{ normalise_phone('contact_phone') }} as contact_phone,
        {{ normalise_social_handle('social_handle') }} as social_handle,

        ---------- attributes
        channel,
        csat_score,

        ---------- timestamps
        opened_at,
        first_response_at,
        resolved_at,

        ---------- lineage
        _export_date,
        _loaded_at,
        _line_number

    from source

),

-- a ticket is exported again as it is answered and resolved: the latest version wins
latest as (

    {{ deduplicate('renamed', 'ticket_id', '_export_date desc, _loaded_at desc, _line_number desc') }}

)

select * from latest
