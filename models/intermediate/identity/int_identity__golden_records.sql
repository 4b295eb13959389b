-- Survivorship: one row per customer with each golden attribute and the source it came from.
-- Per attribute, among the records that have it: the best source by var source_priority, then the
-- most recent record, then the most complete, then the smallest value (so ties are deterministic).
-- The address (street, postcode, city, country) survives as one piece from one record, so a street
-- never pairs with another record's city.

{%- set attributes = ['first_name', 'last_name', 'email', 'phone', 'birth_date'] %}
{%- set ranking = 'source_priority, recorded_at desc, completeness desc' %}

with

candidates as (

    select * from {{ ref('int_identity__attribute_candidates') }}

),

customers as (

    select distinct customer_id from candidates

),

{% for attribute in attributes %}
{{ attribute }}_candidates as (

    select customer_id, source, source_priority, recorded_at, completeness, {{ attribute }}
    from candidates
    where {{ attribute }} is not null

),

{{ attribute }}_winners as (

    {{ deduplicate(attribute ~ '_candidates', 'customer_id', ranking ~ ', ' ~ attribute) }}

),

{% endfor %}
address_candidates as (

    select customer_id, source, source_priority, recorded_at, completeness, street, postcode, city, country
    from candidates
    where coalesce(street, postcode, city, country) is not null

),

address_winners as (

    {{ deduplicate('address_candidates', 'customer_id', ranking ~ ', street, postcode, city, country') }}

),

golden_records as (

    select
        customers.customer_id,
        {%- for attribute in attributes %}
        {{ attribute }}_winners.{{ attribute }},
        {{ attribute }}_winners.source as {{ attribute }}_source,
        {%- endfor %}
        address_winners.street,
        address_winners.postcode,
        address_winners.city,
        address_winners.country,
        address_winners.source as address_source

    from customers
    {%- for attribute in attributes + ['address'] %}
    left join {{ attribute }}_winners
        on customers.customer_id = {{ attribute }}_winners.customer_id
    {%- endfor %}

)

select * from golden_records
