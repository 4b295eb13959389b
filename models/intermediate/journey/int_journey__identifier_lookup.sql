-- One row per identifier: the customer it belongs to (the bridge's rows,
-- int_identity__customer_identifiers) and whether it was erased. Every journey fact gets customer_id
-- through this lookup (macro resolve_customer), so an anonymous cookie gets its customer as soon as
-- identity stitches it, and erased people drop out.
-- incremental: a run writes only the identifiers whose customer or erasure changed, stamped
-- customer_changed_at, so int_journey__touchpoints re-keys only the facts of those identifiers (not
-- every fact against every identifier). An identifier gone from the bridge stays as a row without a
-- customer (resolve_customer reads it as unknown, as if absent), so its change is stamped too.
-- append_new_columns: a lookup built as a table before this column existed takes it on (no stamp on
-- its old rows, which the touchpoints built after them already agree with).
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key=['identifier_type', 'identifier_value'],
    on_schema_change='append_new_columns'
) }}

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

),

{% if is_incremental() %}

-- new identifiers, a changed customer or erasure, and identifiers gone since (written without a customer)
changed as (

    select
        coalesce(lookup.identifier_type, previous.identifier_type) as identifier_type,
        coalesce(lookup.identifier_value, previous.identifier_value) as identifier_value,
        lookup.customer_id,
        coalesce(lookup.is_erased, false) as is_erased

    from lookup
    full outer join {{ this }} as previous
        on lookup.identifier_type = previous.identifier_type
        and lookup.identifier_value = previous.identifier_value
    where lookup.customer_id is distinct from previous.customer_id
        or coalesce(lookup.is_erased, false) is distinct from previous.is_erased

),

{% else %}

changed as (

    select * from lookup

),

{% endif %}

final as (

    select
        identifier_type,
        identifier_value,
        customer_id,
        is_erased,
        cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as {{ dbt.type_timestamp() }}) as customer_changed_at

    from changed

)

select * from final
