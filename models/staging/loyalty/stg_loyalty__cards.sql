with

source as (

    select * from {{ source('loyalty', 'cards') }}

),

renamed as (

    select
        {{ normalise_card_number('loyalty_card_number') }} as loyalty_card_number,
        nullif(trim(crm_customer_id), '') as crm_customer_id,
        {{ normalise_email('email') }} as email,
        {{ normalise_phone('phone') }} as phone,
        nullif(trim(first_name), '') as first_name,
        nullif(trim(last_name), '') as last_name,
        nullif(upper(trim(postcode)), '') as postcode,
        coalesce(status, 'active') as status,
        issued_at,
        _export_date,
        _loaded_at,
        _line_number

    from source

),

latest as (

    {{ deduplicate('renamed', 'loyalty_card_number', '_export_date desc, _loaded_at desc, _line_number desc') }}

)

select * from latest
