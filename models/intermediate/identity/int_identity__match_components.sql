-- How links between person records join customers: the deterministic clusters (int_identity__clusters)
-- that links (probabilistic or a steward's) connect, one row per such cluster, grouped into
-- components by bounded label propagation over the few clusters concerned. A component is merged
-- into one customer only when
--   it holds at most var identity_max_cluster_size identifiers   (else status over_cluster_cap),
--   no steward's no_link pair falls inside it                    (else status cannot_link),
--   propagation settled within var identity_max_passes passes    (else status not_converged);
-- otherwise every link of it is left out and its clusters stay apart. linked_cluster_node_id is the
-- cluster each one ends in: the component's senior (smallest) node when merged, its own otherwise.
{%- set passes = var('identity_max_passes') | int %}

with

clusters as (

    select identifier_type, identifier_value, cluster_node_id
    from {{ ref('int_identity__clusters') }}

),

decisions as (

    select * from {{ ref('int_identity__match_decisions') }}

),

cluster_sizes as (

    select
        cluster_node_id,
        count(*) as identifiers

    from clusters
    group by cluster_node_id

),

decided_clusters as (

    select
        decisions.decision,
        cluster_a.cluster_node_id as cluster_a,
        cluster_b.cluster_node_id as cluster_b

    from decisions
    inner join clusters as cluster_a
        on decisions.record_type_a = cluster_a.identifier_type
        and decisions.record_value_a = cluster_a.identifier_value
    inner join clusters as cluster_b
        on decisions.record_type_b = cluster_b.identifier_type
        and decisions.record_value_b = cluster_b.identifier_value

),

cluster_edges as (

    select distinct
        least(cluster_a, cluster_b) as low_node_id,
        greatest(cluster_a, cluster_b) as high_node_id

    from decided_clusters
    where decision in ('link', 'steward_link') and cluster_a <> cluster_b

),

cannot_links as (

    select distinct cluster_a, cluster_b
    from decided_clusters
    where decision = 'cannot_link'

),

labels_0 as (

    select low_node_id as node_id, low_node_id as label from cluster_edges
    union
    select high_node_id, high_node_id from cluster_edges

),

{% for pass in range(1, passes + 1) %}
labels_{{ pass }} as (

    select
        node_id,
        min(label) as label

    from (
        select node_id, label from labels_{{ pass - 1 }}
        union all
        select cluster_edges.high_node_id, labels.label
        from cluster_edges
        inner join labels_{{ pass - 1 }} as labels on cluster_edges.low_node_id = labels.node_id
        union all
        select cluster_edges.low_node_id, labels.label
        from cluster_edges
        inner join labels_{{ pass - 1 }} as labels on cluster_edges.high_node_id = labels.node_id
    ) as offered
    group by node_id

),

{% endfor %}
-- an edge whose ends still carry two labels: its component did not settle
unsettled as (

    select distinct low_label.label
    from cluster_edges
    inner join labels_{{ passes }} as low_label on cluster_edges.low_node_id = low_label.node_id
    inner join labels_{{ passes }} as high_label on cluster_edges.high_node_id = high_label.node_id
    where low_label.label <> high_label.label

),

components as (

    select
        labels.node_id as cluster_node_id,
        labels.label as component_node_id,
        cluster_sizes.identifiers

    from labels_{{ passes }} as labels
    inner join cluster_sizes
        on labels.node_id = cluster_sizes.cluster_node_id

),

vetoed as (

    select distinct component_a.component_node_id
    from cannot_links
    inner join components as component_a on cannot_links.cluster_a = component_a.cluster_node_id
    inner join components as component_b on cannot_links.cluster_b = component_b.cluster_node_id
    where component_a.component_node_id = component_b.component_node_id

),

component_sizes as (

    select
        component_node_id,
        sum(identifiers) as component_identifiers,
        count(*) as component_clusters

    from components
    group by component_node_id

),

final as (

    select
        components.cluster_node_id,
        components.component_node_id,
        components.identifiers,
        component_sizes.component_identifiers,
        component_sizes.component_clusters,
        case
            when unsettled.label is not null then 'not_converged'
            when vetoed.component_node_id is not null then 'cannot_link'
            when component_sizes.component_identifiers > {{ var('identity_max_cluster_size') }} then 'over_cluster_cap'
            else 'merged'
        end as status

    from components
    inner join component_sizes
        on components.component_node_id = component_sizes.component_node_id
    left join unsettled
        on components.component_node_id = unsettled.label
    left join vetoed
        on components.component_node_id = vetoed.component_node_id

)

select
    *,
    case when status = 'merged' then component_node_id else cluster_node_id end as linked_cluster_node_id

from final
