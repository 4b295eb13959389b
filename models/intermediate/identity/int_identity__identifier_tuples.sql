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

records as (

    {% for record in identity_record_sources() -%}
    select
        '{{ record.source }}' as source,
        '{{ record.entity }}' as entity,
        {%- for identifier_type in identifier_types %}
        {{ record.identifiers.get(identifier_type, 'cast(null as ' ~ dbt.type_string() ~ ')') }} as {{ identifier_type }},
        {%- endfor %}
        {{ "lower(" ~ record.person_name ~ ")" if record.person_name else 'cast(null as ' ~ dbt.type_string() ~ ')' }} as person_name,
        {{ record.first_seen }} as first_seen_at,
        coalesce({{ record.last_seen }}, {{ record.first_seen }}) as last_seen_at

    from {{ ref(record.model) }}
    where
        cast({{ record.first_seen }} as date) <= (select as_of.as_of_date from as_of)
        and coalesce({{ record.identifiers.values() | join(', ') }}) is not null

    {% if not loop.last %}union all

    {% endif -%}
    {%- endfor %}

),

tuples as (

    select
        source,
        entity,
        {%- for identifier_type in identifier_types %}
        {{ identifier_type }},
        {%- endfor %}
        person_name,
        min(first_seen_at) as first_seen_at,
        max(last_seen_at) as last_seen_at,
        count(*) as record_count

    from records
    group by
        source,
        entity,
        {%- for identifier_type in identifier_types %}
        {{ identifier_type }},
        {%- endfor %}
        person_name

)

select * from tuples
