with

source as (

    select * from {{ source('crm', 'customers') }}

),

renamed as (

    select
        ---------- ids
        trim(crm_customer_id) as crm_customer_id,

        ---------- identifiers
        {{ normalise_email('email') }} as email,
        {{ normalise_phone('phone') }} as phone,

        ---------- person
        nullif(trim(first_name), '') as first_name,
        nullif(trim(last_name), '') as last_name,
        birth_date,
        nullif(trim(street), '') as street,
        nullif(upper(trim(postcode)), '') as postcode,
        nullif(trim(city), '') as city,
        nullif(upper(trim(country)), '') as country,

        ---------- timestamps
        created_at,
        updated_at,

        ---------- lineage
        _export_date,
        _loaded_at,
        _line_number

    from source

),

-- a changed customer is exported again: the newest version wins
latest as (

    {{ deduplicate('renamed', 'crm_customer_id', 'updated_at desc, _export_date desc, _loaded_at desc, _line_number desc') }}

)

select * from latest
