-- Connected components of the identity graph: every unblocked identifier and the node id of its
-- cluster's senior member (cluster_node_id, the smallest node_id in the cluster).
--
-- Bounded, unrolled label propagation (var identity_max_passes passes), each pass:
--   settle  a label group with no edge to another label is a whole cluster, labelled by its
--           smallest node (labels only ever point at smaller nodes of the same cluster): it leaves
--           the working set, so later passes only touch clusters still merging
--   hook    for every edge whose ends carry different labels, the end with the larger label and the
--           node that label points to both take the smaller label (min over neighbours + hooking)
--   jump    pointer jumping, twice: every node takes its label's label, so chains shorten fourfold
--           per pass and a path of n nodes settles in about log4(n) passes
-- is_settled is false for a node whose cluster still had an edge between two labels after the last
-- pass; int_identity__convergence fails the build when there is one.
-- Leaves (a node whose only neighbour has others, like a cookie seen with one account) are set
-- aside before propagation and take their neighbour's label after it: most nodes are leaves.

{%- set passes = var('identity_max_passes') | int %}
{%- set materialized = cte_materialized() %}

with

nodes as (

    select node_id, identifier_type, identifier_value, first_seen_at, last_seen_at, source_mask
    from {{ ref('int_identity__nodes') }}

),

{% call materialized_step('graph_edges') %}

    select distinct
        least(low_node_id, high_node_id) as low_node_id,
        greatest(low_node_id, high_node_id) as high_node_id

    from {{ ref('int_identity__graph_edges') }}
    where low_node_id <> high_node_id

{% endcall %},

{% call materialized_step('degrees') %}

    select
        node_id,
        count(*) as degree

    from (
        select low_node_id as node_id from graph_edges
        union all
        select high_node_id from graph_edges
    ) as edge_ends
    group by node_id

{% endcall %},

{% call materialized_step('leaves') %}

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

{% endcall %},

{% call materialized_step('core_edges') %}

    select graph_edges.low_node_id, graph_edges.high_node_id

    from graph_edges
    left join leaves as low_leaf
        on graph_edges.low_node_id = low_leaf.node_id
    left join leaves as high_leaf
        on graph_edges.high_node_id = high_leaf.node_id
    where low_leaf.node_id is null and high_leaf.node_id is null

{% endcall %},

{% call materialized_step('labels_0') %}

    select distinct low_node_id as node_id, low_node_id as label from core_edges
    union
    select distinct high_node_id, high_node_id from core_edges

{% endcall %},

{% call materialized_step('edges_0') %}

    select low_node_id, high_node_id from core_edges

{% endcall %},

{% for pass in range(1, passes + 2) %}
{%- set previous = pass - 1 %}
-- pass {{ pass }}{{ ': only the settling check' if pass > passes }}
{% call materialized_step('edge_labels_' ~ pass) %}

    select
        edges.low_node_id,
        edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from edges_{{ previous }} as edges
    inner join labels_{{ previous }} as low_label
        on edges.low_node_id = low_label.node_id
    inner join labels_{{ previous }} as high_label
        on edges.high_node_id = high_label.node_id

{% endcall %},

{% call materialized_step('disagreeing_' ~ pass) %}

    select * from edge_labels_{{ pass }} where low_label <> high_label

{% endcall %},

{% call materialized_step('unsettled_labels_' ~ pass) %}

    select low_label as label from disagreeing_{{ pass }}
    union
    select high_label from disagreeing_{{ pass }}

{% endcall %},

settled_{{ pass }} as (

    select labels.node_id, labels.label
    from labels_{{ previous }} as labels
    left join unsettled_labels_{{ pass }} as unsettled
        on labels.label = unsettled.label
    where unsettled.label is null

),
{%- if pass <= passes %}

{% call materialized_step('working_' ~ pass) %}

    select labels.node_id, labels.label
    from labels_{{ previous }} as labels
    inner join unsettled_labels_{{ pass }} as unsettled
        on labels.label = unsettled.label

{% endcall %},

{% call materialized_step('edges_' ~ pass) %}

    select edge_labels.low_node_id, edge_labels.high_node_id
    from edge_labels_{{ pass }} as edge_labels
    inner join unsettled_labels_{{ pass }} as unsettled
        on edge_labels.low_label = unsettled.label

{% endcall %},

{% call materialized_step('proposals_' ~ pass) %}

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

{% endcall %},

{% call materialized_step('hooked_' ~ pass) %}

    select
        working.node_id,
        least(working.label, coalesce(proposals.label, working.label)) as label

    from working_{{ pass }} as working
    left join proposals_{{ pass }} as proposals
        on working.node_id = proposals.node_id

{% endcall %},

{% call materialized_step('jumped_' ~ pass) %}

    select
        hooked.node_id,
        label_of_label.label

    from hooked_{{ pass }} as hooked
    inner join hooked_{{ pass }} as label_of_label
        on hooked.label = label_of_label.node_id

{% endcall %},

{% call materialized_step('labels_' ~ pass) %}

    select
        jumped.node_id,
        label_of_label.label

    from jumped_{{ pass }} as jumped
    inner join jumped_{{ pass }} as label_of_label
        on jumped.label = label_of_label.node_id

{% endcall %},
{%- endif %}

{% endfor %}
-- every core node settles in some pass; what is left after the last one did not converge
core_labels as (

    {% for pass in range(1, passes + 2) -%}
    select node_id, label, true as is_settled from settled_{{ pass }}
    union all
    {% endfor -%}
    select labels.node_id, labels.label, false
    from labels_{{ passes }} as labels
    inner join unsettled_labels_{{ passes + 1 }} as unsettled
        on labels.label = unsettled.label

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
        coalesce(graph_labels.is_settled, true) as is_settled,
        nodes.first_seen_at,
        nodes.last_seen_at,
        nodes.source_mask

    from nodes
    left join graph_labels
        on nodes.node_id = graph_labels.node_id
    left join roots
        on graph_labels.label = roots.label

)

select * from clusters
