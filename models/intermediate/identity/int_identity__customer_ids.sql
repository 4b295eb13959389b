-- Stable customer ids: every clustered identifier with its cluster's customer_id. The model
-- remembers the previous run's assignment (incremental: it reads itself, then replaces itself):
--   * an id stays with the cluster holding its most senior surviving member, so a split leaves the
--     id with the part holding the oldest member;
--   * a cluster holding several previous ids keeps the most senior one (a customer's before a
--     cookie's): on a merge the older customer's id survives; the others are retired;
--   * a cluster holding no previous id gets a fresh id derived from its senior member,
--     identity_customer_id(type, value): without state (first run, --full-refresh) the same ids
--     come out again, so the state only guards the rare case where newly seen data is older
--     than a cluster's senior member.
-- previous_customer_id and change_kind (merge | split) record what this run changed; the mart
-- customer_id_changes appends them. is_known: the cluster holds more than cookies and devices,
-- i.e. it is a customer (an anonymous cookie alone is not).
-- Refuses to run on an unconverged graph (int_identity__convergence): no half-merged ids.
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='delete+insert',
    unique_key='assignment_scope',
    on_schema_change='append_new_columns'
) }}
{#- delete+insert on assignment_scope, the same value on every row: each run replaces the whole
    assignment after computing it from the previous one. -#}

with

clusters as (

    select * from {{ ref('int_identity__linked_clusters') }}

),

convergence as (

    select * from {{ ref('int_identity__convergence') }}

),

previous as (

    {% if is_incremental() -%}
    select
        identifier_type,
        identifier_value,
        customer_id as previous_customer_id,
        is_known as was_known

    from {{ this }}
    {%- else -%}
    select
        cast(null as {{ dbt.type_string() }}) as identifier_type,
        cast(null as {{ dbt.type_string() }}) as identifier_value,
        cast(null as {{ dbt.type_string() }}) as previous_customer_id,
        cast(null as {{ dbt.type_boolean() }}) as was_known

    where 1 = 0
    {%- endif %}

),

cluster_kinds as (

    select
        cluster_node_id,
        {{ dbt.bool_or("identifier_type not in ('device_id', 'anonymous_id')") }} as is_known

    from clusters
    group by cluster_node_id

),

members as (

    select
        clusters.node_id,
        clusters.identifier_type,
        clusters.identifier_value,
        clusters.cluster_node_id,
        clusters.first_seen_at,
        clusters.last_seen_at,
        clusters.source_mask,
        cluster_kinds.is_known,
        previous.previous_customer_id,
        coalesce(previous.was_known, false) as was_known

    from clusters
    inner join cluster_kinds
        on clusters.cluster_node_id = cluster_kinds.cluster_node_id
    left join previous
        on clusters.identifier_type = previous.identifier_type
        and clusters.identifier_value = previous.identifier_value

),

-- every previous id a cluster holds members of, with the most senior of those members
claims as (

    select
        cluster_node_id,
        previous_customer_id,
        {{ dbt.bool_or('was_known') }} as was_known,
        min(node_id) as senior_node_id

    from members
    where previous_customer_id is not null
    group by cluster_node_id, previous_customer_id

),

-- a previous id stays with its most senior surviving member
owners as (

    {{ deduplicate('claims', 'previous_customer_id', 'senior_node_id') }}

),

-- a cluster keeps the most senior id it owns, a customer's before an anonymous cookie's
kept as (

    {{ deduplicate('owners', 'cluster_node_id', 'was_known desc, senior_node_id') }}

),

seniors as (

    select
        cluster_node_id,
        {{ identity_customer_id('identifier_type', 'identifier_value') }} as fresh_customer_id

    from clusters
    where node_id = cluster_node_id

),

assigned as (

    select
        seniors.cluster_node_id,
        coalesce(
            kept.previous_customer_id,
            -- a fresh id never takes one still in use (its senior member once named an id that
            -- stayed with an older member elsewhere)
            case
                when taken.previous_customer_id is null then seniors.fresh_customer_id
                else 'c_' || substr({{ dbt.hash("'taken:' || seniors.fresh_customer_id") }}, 1, 16)
            end
        ) as customer_id

    from seniors
    left join kept
        on seniors.cluster_node_id = kept.cluster_node_id
    left join kept as taken
        on seniors.fresh_customer_id = taken.previous_customer_id

),

assignment as (

    select
        members.identifier_type,
        members.identifier_value,
        assigned.customer_id,
        members.node_id,
        members.cluster_node_id,
        members.first_seen_at,
        members.last_seen_at,
        members.source_mask,
        members.is_known,
        members.previous_customer_id,
        members.was_known,
        case
            when members.previous_customer_id is null then null
            when members.previous_customer_id = assigned.customer_id then null
            -- the previous id's senior member is in this cluster, yet another id won: a merge
            when owners.cluster_node_id = members.cluster_node_id then 'merge'
            else 'split'
        end as change_kind,
        cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as {{ dbt.type_timestamp() }}) as assigned_at,
        'current' as assignment_scope

    from members
    inner join assigned
        on members.cluster_node_id = assigned.cluster_node_id
    left join owners
        on members.previous_customer_id = owners.previous_customer_id
    cross join convergence
    where
        case
            when convergence.is_converged then true
            else {{ raise_error("'identity graph did not converge within ' || cast(convergence.max_passes as " ~ dbt.type_string() ~ ") || ' label propagation passes (var identity_max_passes): refusing to assign customer ids from a half-merged graph'") }}
        end

)

select * from assignment
