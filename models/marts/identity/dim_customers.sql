-- One row per person, stitched from every source: the golden record (each attribute with the source
-- that won it), home store, first seen, sources present, identifiers per type, and consent per
-- purpose and channel as of as_of_date. A customer is a cluster holding more than anonymous
-- cookies or devices. Erased customers are absent. Which customers: int_identity__customers.

{%- set identifier_types = identity_identifier_types() %}
{%- set attributes = ['first_name', 'last_name', 'email', 'phone', 'birth_date'] %}
{%- set purposes = ['marketing', 'profiling', 'personalisation'] %}
{%- set channels = ['email', 'sms', 'push', 'ads'] %}

with

customers as (

    select * from {{ ref('int_identity__customers') }}

),

golden_records as (

    select * from {{ ref('int_identity__golden_records') }}

),

home_stores as (

    select * from {{ ref('int_identity__home_stores') }}

),

consents as (

    select * from {{ ref('int_identity__consents') }}

),

as_of as (

    select as_of_date from {{ ref('int_calendar__as_of_date') }}

),

ages as (

    select
        golden_records.customer_id,
        -- completed years on as_of_date
        extract(year from as_of.as_of_date) - extract(year from golden_records.birth_date)
            - case
                when extract(month from as_of.as_of_date) * 100 + extract(day from as_of.as_of_date)
                    < extract(month from golden_records.birth_date) * 100 + extract(day from golden_records.birth_date)
                    then 1
                else 0
            end as age_years

    from golden_records
    cross join as_of
    where golden_records.birth_date is not null

),

final as (

    select
        ---------- ids
        customers.customer_id,

        ---------- golden record
        {%- for attribute in attributes %}
        golden_records.{{ attribute }},
        {%- endfor %}
        golden_records.street,
        golden_records.postcode,
        golden_records.city,
        golden_records.country,

        ---------- age, as of as_of_date: what BI may see of the birth date
        case
            when ages.age_years is null or ages.age_years < 0 then null
            when ages.age_years < 18 then '<18'
            when ages.age_years < 25 then '18-24'
            when ages.age_years < 35 then '25-34'
            when ages.age_years < 45 then '35-44'
            when ages.age_years < 55 then '45-54'
            when ages.age_years < 65 then '55-64'
            else '65+'
        end as age_band,
        -- the year only where the person allows profiling on some channel (age segmentation is profiling)
        case
            when coalesce(consents.consent_profiling_email, false) or coalesce(consents.consent_profiling_sms, false)
                or coalesce(consents.consent_profiling_push, false) or coalesce(consents.consent_profiling_ads, false)
                then cast(extract(year from golden_records.birth_date) as {{ dbt.type_int() }})
        end as birth_year,

        ---------- which source won each attribute
        {%- for attribute in attributes %}
        golden_records.{{ attribute }}_source,
        {%- endfor %}
        golden_records.address_source,

        ---------- stores
        home_stores.home_store_id,
        home_stores.home_store_city,

        ---------- identity
        {{ identity_source_names('customers.source_mask') }} as sources,
        {%- for identifier_type in identifier_types %}
        cast(customers.{{ identifier_type }}_count as {{ dbt.type_int() }}) as {{ identifier_type }}_count,
        {%- endfor %}

        ---------- consent as of as_of_date
        {%- for purpose in purposes %}
        {%- for channel in channels %}
        coalesce(consents.consent_{{ purpose }}_{{ channel }}, false) as consent_{{ purpose }}_{{ channel }},
        {%- endfor %}
        {%- endfor %}

        ---------- timestamps
        customers.first_seen_at,
        customers.last_seen_at

    from customers
    left join golden_records
        on customers.customer_id = golden_records.customer_id
    left join home_stores
        on customers.customer_id = home_stores.customer_id
    left join consents
        on customers.customer_id = consents.customer_id
    left join ages
        on customers.customer_id = ages.customer_id

)

select * from final
