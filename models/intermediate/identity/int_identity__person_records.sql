-- One row per person-level record that carries a name: a CRM customer, a shop account, a loyalty
-- card. What the probabilistic matcher compares (int_identity__match_scores): names, birth date,
-- address, the local part of the email and the phone, normalised so that formatting never counts as
-- a difference. record_id names the record by its own identifier ('crm_customer_id:C-1').

with

crm_customers as (

    select * from {{ ref('stg_crm__customers') }}

),

shop_accounts as (

    select * from {{ ref('stg_shop__accounts') }}

),

loyalty_cards as (

    select * from {{ ref('stg_loyalty__cards') }}

),

nicknames as (

    select * from {{ ref('first_name_nicknames') }}

),

records as (

    select
        'crm_customer_id' as record_type,
        crm_customer_id as record_value,
        first_name,
        last_name,
        birth_date,
        street,
        postcode,
        city,
        email,
        phone

    from crm_customers

    union all

    select
        'shop_account_id' as record_type,
        shop_account_id as record_value,
        first_name,
        last_name,
        cast(null as date) as birth_date,
        cast(null as {{ dbt.type_string() }}) as street,
        cast(null as {{ dbt.type_string() }}) as postcode,
        cast(null as {{ dbt.type_string() }}) as city,
        email,
        phone

    from shop_accounts

    union all

    select
        'loyalty_card_number' as record_type,
        loyalty_card_number as record_value,
        first_name,
        last_name,
        cast(null as date) as birth_date,
        cast(null as {{ dbt.type_string() }}) as street,
        postcode,
        cast(null as {{ dbt.type_string() }}) as city,
        email,
        phone

    from loyalty_cards

),

normalised as (

    select
        ---------- ids
        {{ dbt.concat(['record_type', "':'", 'record_value']) }} as record_id,
        record_type,
        record_value,

        ---------- compared
        {{ normalise_name('first_name') }} as first_name,
        {{ normalise_name('last_name') }} as last_name,
        cast(birth_date as {{ dbt.type_string() }}) as birth_date,
        nullif(lower({{ replace_all('trim(street)', '[^A-Za-z0-9]+', ' ') }}), '') as street,
        nullif(upper(replace(postcode, ' ', '')), '') as postcode,
        {{ normalise_name('city') }} as city,
        nullif(split_part(email, '@', 1), '') as email_local,
        phone

    from records

),

named as (

    select
        normalised.*,
        -- a nickname of a nickname (soph -> sophie -> sophia) ends at the same first name
        coalesce(nickname_of_nickname.first_name, nicknames.first_name, normalised.first_name) as first_name_canonical,
        {{ dbt.concat(["coalesce(normalised.first_name, '')", "' '", "coalesce(normalised.last_name, '')"]) }} as full_name

    from normalised
    left join nicknames
        on normalised.first_name = nicknames.nickname
    left join nicknames as nickname_of_nickname
        on nicknames.first_name = nickname_of_nickname.nickname
    where normalised.first_name is not null or normalised.last_name is not null

)

select * from named
