-- The identity graph's edges: one row per distinct pair of identifiers seen together on a record
-- (a CRM customer's id, email and phone; a login event's cookie and account; a ticket's email and
-- phone ...), with when the pair was first and last seen, on how many records and in which sources.
-- identifier_a is the more trusted type of the two (identity_identifier_types order). Before the
-- junk firewall.

{#- The type pairs that can occur: every pair of identifier types carried by one kind of record. -#}
{%- set identifier_types = identity_identifier_types() -%}
{%- set pairs = [] -%}
{%- for record in identity_record_sources() -%}
    {%- for type_a in identifier_types -%}
        {%- for type_b in identifier_types[loop.index:] -%}
            {%- if type_a in record.identifiers and type_b in record.identifiers and (type_a, type_b) not in pairs -%}
                {%- do pairs.append((type_a, type_b)) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
{%- endfor %}

with

tuples as (

    select * from {{ ref('int_identity__identifier_tuples') }}

),

pairs as (

    {% for type_a, type_b in pairs -%}
    select
        '{{ type_a }}' as identifier_a_type,
        {{ type_a }} as identifier_a_value,
        '{{ type_b }}' as identifier_b_type,
        {{ type_b }} as identifier_b_value,
        {{ identity_source_bit('source') }} as source_bit,
        first_seen_at,
        last_seen_at,
        record_count

    from tuples
    where {{ type_a }} is not null and {{ type_b }} is not null

    {% if not loop.last %}union all

    {% endif -%}
    {%- endfor %}

),

edges as (

    select
        identifier_a_type,
        identifier_a_value,
        identifier_b_type,
        identifier_b_value,
        min(first_seen_at) as first_seen_at,
        max(last_seen_at) as last_seen_at,
        sum(record_count) as record_count,
        bit_or(source_bit) as source_mask

    from pairs
    group by identifier_a_type, identifier_a_value, identifier_b_type, identifier_b_value

),

final as (

    select
        *,
        {{ identity_source_names('source_mask') }} as sources

    from edges

)

select * from final
