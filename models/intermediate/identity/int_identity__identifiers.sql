-- Every identifier seen in any source, typed: one row per identifier type and value, with when it
-- was first and last seen, on how many records and in which sources. Before the junk firewall: the
-- blocked ones are here too (int_identity__blocked_identifiers says which).

with

tuples as (

    select * from {{ ref('int_identity__identifier_tuples') }}

),

observations as (

    {% for identifier_type in identity_identifier_types() -%}
    select
        '{{ identifier_type }}' as identifier_type,
        {{ identifier_type }} as identifier_value,
        {{ identity_source_bit('source') }} as source_bit,
        first_seen_at,
        last_seen_at,
        record_count

    from tuples
    where {{ identifier_type }} is not null

    {% if not loop.last %}union all

    {% endif -%}
    {%- endfor %}

),

identifiers as (

    select
        identifier_type,
        identifier_value,
        min(first_seen_at) as first_seen_at,
        max(last_seen_at) as last_seen_at,
        sum(record_count) as record_count,
        bit_or(source_bit) as source_mask

    from observations
    group by identifier_type, identifier_value

),

final as (

    select
        identifier_type,
        identifier_value,
        {{ identity_type_priority('identifier_type') }} as type_priority,
        first_seen_at,
        last_seen_at,
        record_count,
        source_mask,
        {{ identity_source_names('source_mask') }} as sources

    from identifiers

)

select * from final
