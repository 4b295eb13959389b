-- Connected components of the identity graph: every unblocked identifier and the node id of its
-- cluster's senior member (cluster_node_id, the smallest node_id in the cluster).
--
-- Bounded, unrolled label propagation (var identity_max_passes passes), each pass:
--   hook   for every edge whose ends carry different labels, the end with the larger label and the
--          node that label points to both take the smaller label (min over neighbours + hooking)
--   jump   pointer jumping, twice: every node takes its label's label, so chains shorten fourfold
--          per pass and a path of n nodes settles in about log4(n) passes
-- Labels only ever point at smaller nodes of the same cluster, so when a pass changes nothing every
-- edge joins equal labels and each label is its cluster's smallest node. is_settled says whether the
-- last pass left a node unchanged; int_identity__convergence fails the build when one did not.
-- Leaves (a node whose only neighbour has others, like a cookie seen with one account) are set
-- aside before propagation and take their neighbour's label after it: most nodes are leaves.

{%- set passes = var('identity_max_passes') | int %}
{%- set materialized = cte_materialized() %}

with

nodes as (

    select node_id, identifier_type, identifier_value from {{ ref('int_identity__nodes') }}

),

graph_edges as {{ materialized }} (

    select distinct
        least(low_node_id, high_node_id) as low_node_id,
        greatest(low_node_id, high_node_id) as high_node_id

    from {{ ref('int_identity__graph_edges') }}
    where low_node_id <> high_node_id

),

degrees as {{ materialized }} (

    select
        node_id,
        count(*) as degree

    from (
        select low_node_id as node_id from graph_edges
        union all
        select high_node_id from graph_edges
    ) as edge_ends
    group by node_id

),

leaves as {{ materialized }} (

    select
        case when low_degree.degree = 1 then graph_edges.low_node_id else graph_edges.high_node_id end as node_id,
        case when low_degree.degree = 1 then graph_edges.high_node_id else graph_edges.low_node_id end as neighbour_node_id

    from graph_edges
    inner join degrees as low_degree
        on graph_edges.low_node_id = low_degree.node_id
    inner join degrees as high_degree
        on graph_edges.high_node_id = high_degree.node_id
    where
        (low_degree.degree = 1 and high_degree.degree > 1)
        or (high_degree.degree = 1 and low_degree.degree > 1)

),

core_edges as {{ materialized }} (

    select graph_edges.low_node_id, graph_edges.high_node_id

    from graph_edges
    left join leaves as low_leaf
        on graph_edges.low_node_id = low_leaf.node_id
    left join leaves as high_leaf
        on graph_edges.high_node_id = high_leaf.node_id
    where low_leaf.node_id is null and high_leaf.node_id is null

),

labels_0 as {{ materialized }} (

    select distinct low_node_id as node_id, low_node_id as label from core_edges
    union
    select distinct high_node_id, high_node_id from core_edges

),

{% for pass in range(1, passes + 1) %}
{%- set previous = 'labels_' ~ (pass - 1) %}
-- pass {{ pass }}
disagreeing_{{ pass }} as {{ materialized }} (

    select
        core_edges.low_node_id,
        core_edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from core_edges
    inner join {{ previous }} as low_label
        on core_edges.low_node_id = low_label.node_id
    inner join {{ previous }} as high_label
        on core_edges.high_node_id = high_label.node_id
    where low_label.label <> high_label.label

),

proposals_{{ pass }} as {{ materialized }} (

    select
        node_id,
        min(label) as label

    from (
        select
            case when low_label < high_label then high_node_id else low_node_id end as node_id,
            least(low_label, high_label) as label
        from disagreeing_{{ pass }}
        union all
        select
            greatest(low_label, high_label),
            least(low_label, high_label)
        from disagreeing_{{ pass }}
    ) as proposed
    group by node_id

),

hooked_{{ pass }} as {{ materialized }} (

    select
        labels.node_id,
        least(labels.label, coalesce(proposals.label, labels.label)) as label

    from {{ previous }} as labels
    left join proposals_{{ pass }} as proposals
        on labels.node_id = proposals.node_id

),

jumped_{{ pass }} as {{ materialized }} (

    select
        hooked.node_id,
        label_of_label.label

    from hooked_{{ pass }} as hooked
    inner join hooked_{{ pass }} as label_of_label
        on hooked.label = label_of_label.node_id

),

labels_{{ pass }} as {{ materialized }} (

    select
        jumped.node_id,
        label_of_label.label

    from jumped_{{ pass }} as jumped
    inner join jumped_{{ pass }} as label_of_label
        on jumped.label = label_of_label.node_id

),

{% endfor %}

core_labels as (

    select
        final_labels.node_id,
        final_labels.label,
        final_labels.label = before_last_pass.label as is_settled

    from labels_{{ passes }} as final_labels
    inner join labels_{{ passes - 1 }} as before_last_pass
        on final_labels.node_id = before_last_pass.node_id

),

-- leaves take their neighbour's label; a neighbour with only leaves around it labels itself
graph_labels as {{ materialized }} (

    select node_id, label, is_settled from core_labels

    union all

    select
        leaves.node_id,
        coalesce(core_labels.label, leaves.neighbour_node_id),
        coalesce(core_labels.is_settled, true)

    from leaves
    left join core_labels
        on leaves.neighbour_node_id = core_labels.node_id

    union all

    select distinct
        leaves.neighbour_node_id,
        leaves.neighbour_node_id,
        true

    from leaves
    left join core_labels
        on leaves.neighbour_node_id = core_labels.node_id
    where core_labels.node_id is null

),

-- a cluster's senior member is its smallest node: a leaf can be older than every core node
roots as (

    select
        label,
        min(node_id) as cluster_node_id

    from graph_labels
    group by label

),

clusters as (

    select
        nodes.node_id,
        nodes.identifier_type,
        nodes.identifier_value,
        coalesce(roots.cluster_node_id, nodes.node_id) as cluster_node_id,
        coalesce(graph_labels.is_settled, true) as is_settled

    from nodes
    left join graph_labels
        on nodes.node_id = graph_labels.node_id
    left join roots
        on graph_labels.label = roots.label

)

select * from clusters
