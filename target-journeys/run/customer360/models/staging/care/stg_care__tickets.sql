
  
  create view "fresh"."staging"."stg_care__tickets__dbt_tmp" as (
    with

source as (

    select * from "fresh"."raw"."care__tickets"

),

renamed as (

    select
        ---------- ids
        trim(ticket_id) as ticket_id,
        case
        when lower(trim(contact_email)) like '%_@_%._%' then lower(trim(contact_email))
    end as contact_email,
        case when regexp_matches(case
            when regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g') like '+%' then '+' || regexp_replace(regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g'), '[^0-9]', '', 'g')
            when regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g') like '00%' then '+' || substr(regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g'), 3)
            when regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g') like '0%' then '+44' || substr(regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g'), 2)
            else '+' || regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g')
        end, '^\+[1-9][0-9]{7,14}$') then case
            when regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g') like '+%' then '+' || regexp_replace(regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g'), '[^0-9]', '', 'g')
            when regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g') like '00%' then '+' || substr(regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g'), 3)
            when regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g') like '0%' then '+44' || substr(regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g'), 2)
            else '+' || regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g')
        end end as contact_phone,
        nullif(lower(ltrim(trim(social_handle), '@')), '') as social_handle,

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

    select *
    from renamed
    qualify row_number() over (partition by ticket_id order by _export_date desc, _loaded_at desc, _line_number desc) = 1

)

select * from latest
  );
