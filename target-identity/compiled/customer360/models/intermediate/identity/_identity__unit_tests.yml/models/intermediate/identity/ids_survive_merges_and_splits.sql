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
with

 __dbt__cte__int_identity__customer_ids as (
select * from (values
    ('email', 'a', 'X', true),
    ('email', 'b', 'X', true),
    ('email', 'c', 'Y', true),
    ('email', 'd', 'Z', true),
    ('email', 'e', 'Z', true),
    ('anonymous_id', 'w', 'W', false)
) as previous (identifier_type, identifier_value, customer_id, is_known)
),  __dbt__cte__int_identity__clusters as (

-- Fixture for int_identity__clusters
select 
    
    cast('1' as BIGINT)
 as "node_id", 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('a' as character varying)
 as "identifier_value", 
    
    cast('1' as BIGINT)
 as "cluster_node_id", 
    
    cast('true' as BOOLEAN)
 as "is_settled", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as INTEGER) as "source_mask"
union all
select 
    
    cast('2' as BIGINT)
 as "node_id", 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('b' as character varying)
 as "identifier_value", 
    
    cast('1' as BIGINT)
 as "cluster_node_id", 
    
    cast('true' as BOOLEAN)
 as "is_settled", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as INTEGER) as "source_mask"
union all
select 
    
    cast('3' as BIGINT)
 as "node_id", 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('c' as character varying)
 as "identifier_value", 
    
    cast('1' as BIGINT)
 as "cluster_node_id", 
    
    cast('true' as BOOLEAN)
 as "is_settled", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as INTEGER) as "source_mask"
union all
select 
    
    cast('4' as BIGINT)
 as "node_id", 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('d' as character varying)
 as "identifier_value", 
    
    cast('4' as BIGINT)
 as "cluster_node_id", 
    
    cast('true' as BOOLEAN)
 as "is_settled", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as INTEGER) as "source_mask"
union all
select 
    
    cast('5' as BIGINT)
 as "node_id", 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('e' as character varying)
 as "identifier_value", 
    
    cast('5' as BIGINT)
 as "cluster_node_id", 
    
    cast('true' as BOOLEAN)
 as "is_settled", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as INTEGER) as "source_mask"
union all
select 
    
    cast('9' as BIGINT)
 as "node_id", 
    
    cast('anonymous_id' as character varying)
 as "identifier_type", 
    
    cast('w' as character varying)
 as "identifier_value", 
    
    cast('1' as BIGINT)
 as "cluster_node_id", 
    
    cast('true' as BOOLEAN)
 as "is_settled", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as INTEGER) as "source_mask"
union all
select 
    
    cast('6' as BIGINT)
 as "node_id", 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('new' as character varying)
 as "identifier_value", 
    
    cast('6' as BIGINT)
 as "cluster_node_id", 
    
    cast('true' as BOOLEAN)
 as "is_settled", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as INTEGER) as "source_mask"
),  __dbt__cte__int_identity__convergence as (

-- Fixture for int_identity__convergence
select 
    
    cast(12 as INTEGER)
 as "max_passes", cast(null as BIGINT) as "identifiers", cast(null as BIGINT) as "clusters", cast(null as HUGEINT) as "nodes_unsettled", cast(null as BIGINT) as "edges_across_clusters", 
    
    cast(True as BOOLEAN)
 as "is_converged"
), clusters as (

    select * from __dbt__cte__int_identity__clusters

),

convergence as (

    select * from __dbt__cte__int_identity__convergence

),

previous as (

    select
        identifier_type,
        identifier_value,
        customer_id as previous_customer_id,
        is_known as was_known

    from __dbt__cte__int_identity__customer_ids

),

cluster_kinds as (

    select
        cluster_node_id,
        bool_or(identifier_type not in ('device_id', 'anonymous_id')) as is_known

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
        bool_or(was_known) as was_known,
        min(node_id) as senior_node_id

    from members
    where previous_customer_id is not null
    group by cluster_node_id, previous_customer_id

),

-- a previous id stays with its most senior surviving member
owners as (

    select *
    from claims
    qualify row_number() over (partition by previous_customer_id order by senior_node_id) = 1

),

-- a cluster keeps the most senior id it owns, a customer's before an anonymous cookie's
kept as (

    select *
    from owners
    qualify row_number() over (partition by cluster_node_id order by was_known desc, senior_node_id) = 1

),

seniors as (

    select
        cluster_node_id,
        'c_' || substr(md5(cast(identifier_type || ':' || identifier_value as TEXT)), 1, 16) as fresh_customer_id

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
                else 'c_' || substr(md5(cast('taken:' || seniors.fresh_customer_id as TEXT)), 1, 16)
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
        cast('2026-11-23 13:59:09.353979' as timestamp) as assigned_at,
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
            else error('identity graph did not converge within ' || cast(convergence.max_passes as TEXT) || ' label propagation passes (var identity_max_passes): refusing to assign customer ids from a half-merged graph')
        end

)

select * from assignment