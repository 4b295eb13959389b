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

)

select * from final
