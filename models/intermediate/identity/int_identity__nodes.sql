-- The identity graph's nodes: every identifier that passed the junk firewall, numbered by seniority.
-- node_id 1 is the most senior identifier: person-level identifiers before cookies and devices
-- (an anonymous cookie seen before its owner signed up must not name the customer), then the
-- earliest first seen, then type priority, then value. Label propagation keeps the smallest node_id
-- of each cluster, so a cluster's label is its senior member.

{%- set anonymous_types = ['device_id', 'anonymous_id'] %}

with

identifiers as (

    select * from {{ ref('int_identity__identifiers') }}

),

blocked as (

    select * from {{ ref('int_identity__blocked_identifiers') }}

),

unblocked as (

    select
        identifiers.identifier_type,
        identifiers.identifier_value,
        identifiers.type_priority,
        identifiers.first_seen_at,
        identifiers.last_seen_at,
        identifiers.source_mask,
        identifiers.identifier_type in ('{{ anonymous_types | join("', '") }}') as is_anonymous

    from identifiers
    left join blocked
        on identifiers.identifier_type = blocked.identifier_type
        and identifiers.identifier_value = blocked.identifier_value
    where blocked.identifier_value is null

),

numbered as (

    select
        row_number() over (
            order by is_anonymous, first_seen_at, type_priority, identifier_value
        ) as node_id,
        identifier_type,
        identifier_value,
        is_anonymous,
        first_seen_at,
        last_seen_at,
        source_mask

    from unblocked

)

select * from numbered
