-- One row per identifier: the customer it belongs to (the bridge's rows,
-- int_identity__customer_identifiers) and whether it was erased. Every journey fact gets customer_id
-- through this lookup (macro resolve_customer), so an anonymous cookie gets its customer as soon as
-- identity stitches it, and erased people drop out.

with

bridge as (

    select * from {{ ref('int_identity__customer_identifiers') }}

),

erased as (

    select distinct identifier_type, identifier_value
    from {{ ref('int_identity__erased_identifiers') }}

),

-- the bridge holds one customer per identifier; should it ever hold two, the lowest id wins
-- rather than duplicating facts
bridged as (

    select
        identifier_type,
        identifier_value,
        min(customer_id) as customer_id

    from bridge
    where identifier_value is not null
    group by identifier_type, identifier_value

),

lookup as (

    select
        coalesce(bridged.identifier_type, erased.identifier_type) as identifier_type,
        coalesce(bridged.identifier_value, erased.identifier_value) as identifier_value,
        case when erased.identifier_value is null then bridged.customer_id end as customer_id,
        erased.identifier_value is not null as is_erased

    from bridged
    full outer join erased
        on bridged.identifier_type = erased.identifier_type
        and bridged.identifier_value = erased.identifier_value

)

select * from lookup
