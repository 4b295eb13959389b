with

source as (

    select * from "fresh"."raw"."shop__accounts"

),

renamed as (

    select
        trim(shop_account_id) as shop_account_id,
        case
        when lower(trim(email)) like '%_@_%._%' then lower(trim(email))
    end as email,
        case when regexp_matches(case
            when regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g') like '+%' then '+' || regexp_replace(regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g'), '[^0-9]', '', 'g')
            when regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g') like '00%' then '+' || substr(regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g'), 3)
            when regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g') like '0%' then '+44' || substr(regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g'), 2)
            else '+' || regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g')
        end, '^\+[1-9][0-9]{7,14}$') then case
            when regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g') like '+%' then '+' || regexp_replace(regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g'), '[^0-9]', '', 'g')
            when regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g') like '00%' then '+' || substr(regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g'), 3)
            when regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g') like '0%' then '+44' || substr(regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g'), 2)
            else '+' || regexp_replace(regexp_replace(phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g')
        end end as phone,
        nullif(trim(first_name), '') as first_name,
        nullif(trim(last_name), '') as last_name,
        created_at,
        _export_date,
        _loaded_at,
        _line_number

    from source

),

latest as (

    select *
    from renamed
    qualify row_number() over (partition by shop_account_id order by _export_date desc, _loaded_at desc, _line_number desc) = 1

)

select * from latest