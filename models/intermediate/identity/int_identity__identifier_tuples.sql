-- One row per distinct combination of identifiers seen together on a source record, per source
-- entity, with when it was first and last seen and on how many records. The big event tables
-- collapse here (tens of millions of web and app events become one row per cookie or device and
-- account), so identifiers and edges are built from something small.
-- Records first seen after as_of_date are left out, so an earlier date rebuilds its graph exactly.

{%- set identifier_types = identity_identifier_types() %}

with

as_of as (

    select as_of_date from {{ ref('int_calendar__as_of_date') }}

),

-- each kind of record grouped by its own identifier columns first (a web event has two, not eight)
{% for record in identity_record_sources() -%}
{{ record.source }}__{{ record.entity }} as (

    select
        {%- for identifier_type, column in record.identifiers.items() %}
        {{ column }} as {{ identifier_type }},
        {%- endfor %}
        min({{ record.first_seen }}) as first_seen_at,
        max(coalesce({{ record.last_seen }}, {{ record.first_seen }})) as last_seen_at,
        count(*) as record_count

    from {{ ref(record.model) }}
    where
        cast({{ record.first_seen }} as date) <= (select as_of.as_of_date from as_of)
        and coalesce({{ record.identifiers.values() | join(', ') }}) is not null
    group by {{ record.identifiers.values() | join(', ') }}

),

{% endfor -%}

tuples as (

    {% for record in identity_record_sources() -%}
    select
        '{{ record.source }}' as source,
        '{{ record.entity }}' as entity,
        {%- for identifier_type in identifier_types %}
        {{ identifier_type if identifier_type in record.identifiers else 'cast(null as ' ~ dbt.type_string() ~ ')' }} as {{ identifier_type }},
        {%- endfor %}
        first_seen_at,
        last_seen_at,
        record_count

    from {{ record.source }}__{{ record.entity }}

    {% if not loop.last %}union all

    {% endif -%}
    {%- endfor %}

)

select * from tuples
