-- The identity graph's clusters once links between person records have joined them: every
-- unblocked identifier with the cluster it ends in (cluster_node_id, the senior node of its merged
-- component, int_identity__match_components) and the cluster the shared identifiers alone gave it
-- (deterministic_cluster_node_id). Stable ids (int_identity__customer_ids) are assigned from here,
-- so a probabilistic or steward link merges, and its removal splits, like any change of the graph.

with

clusters as (

    select * from {{ ref('int_identity__clusters') }}

),

components as (

    select * from {{ ref('int_identity__match_components') }}

),

linked as (

    select
        clusters.node_id,
        clusters.identifier_type,
        clusters.identifier_value,
        coalesce(components.linked_cluster_node_id, clusters.cluster_node_id) as cluster_node_id,
        clusters.cluster_node_id as deterministic_cluster_node_id,
        clusters.is_settled,
        clusters.first_seen_at,
        clusters.last_seen_at,
        clusters.source_mask

    from clusters
    left join components
        on clusters.cluster_node_id = components.cluster_node_id

)

select * from linked
