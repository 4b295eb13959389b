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

with

nodes as (

    select node_id, identifier_type, identifier_value from "f"."intermediate"."int_identity__nodes"

),

graph_edges as materialized (

    select distinct
        least(low_node_id, high_node_id) as low_node_id,
        greatest(low_node_id, high_node_id) as high_node_id

    from "f"."intermediate"."int_identity__graph_edges"
    where low_node_id <> high_node_id

),

degrees as materialized (

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

leaves as materialized (

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

core_edges as materialized (

    select graph_edges.low_node_id, graph_edges.high_node_id

    from graph_edges
    left join leaves as low_leaf
        on graph_edges.low_node_id = low_leaf.node_id
    left join leaves as high_leaf
        on graph_edges.high_node_id = high_leaf.node_id
    where low_leaf.node_id is null and high_leaf.node_id is null

),

labels_0 as materialized (

    select distinct low_node_id as node_id, low_node_id as label from core_edges
    union
    select distinct high_node_id, high_node_id from core_edges

),


-- pass 1
disagreeing_1 as materialized (

    select
        core_edges.low_node_id,
        core_edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from core_edges
    inner join labels_0 as low_label
        on core_edges.low_node_id = low_label.node_id
    inner join labels_0 as high_label
        on core_edges.high_node_id = high_label.node_id
    where low_label.label <> high_label.label

),

proposals_1 as materialized (

    select
        node_id,
        min(label) as label

    from (
        select
            case when low_label < high_label then high_node_id else low_node_id end as node_id,
            least(low_label, high_label) as label
        from disagreeing_1
        union all
        select
            greatest(low_label, high_label),
            least(low_label, high_label)
        from disagreeing_1
    ) as proposed
    group by node_id

),

hooked_1 as materialized (

    select
        labels.node_id,
        least(labels.label, coalesce(proposals.label, labels.label)) as label

    from labels_0 as labels
    left join proposals_1 as proposals
        on labels.node_id = proposals.node_id

),

jumped_1 as materialized (

    select
        hooked.node_id,
        label_of_label.label

    from hooked_1 as hooked
    inner join hooked_1 as label_of_label
        on hooked.label = label_of_label.node_id

),

labels_1 as materialized (

    select
        jumped.node_id,
        label_of_label.label

    from jumped_1 as jumped
    inner join jumped_1 as label_of_label
        on jumped.label = label_of_label.node_id

),


-- pass 2
disagreeing_2 as materialized (

    select
        core_edges.low_node_id,
        core_edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from core_edges
    inner join labels_1 as low_label
        on core_edges.low_node_id = low_label.node_id
    inner join labels_1 as high_label
        on core_edges.high_node_id = high_label.node_id
    where low_label.label <> high_label.label

),

proposals_2 as materialized (

    select
        node_id,
        min(label) as label

    from (
        select
            case when low_label < high_label then high_node_id else low_node_id end as node_id,
            least(low_label, high_label) as label
        from disagreeing_2
        union all
        select
            greatest(low_label, high_label),
            least(low_label, high_label)
        from disagreeing_2
    ) as proposed
    group by node_id

),

hooked_2 as materialized (

    select
        labels.node_id,
        least(labels.label, coalesce(proposals.label, labels.label)) as label

    from labels_1 as labels
    left join proposals_2 as proposals
        on labels.node_id = proposals.node_id

),

jumped_2 as materialized (

    select
        hooked.node_id,
        label_of_label.label

    from hooked_2 as hooked
    inner join hooked_2 as label_of_label
        on hooked.label = label_of_label.node_id

),

labels_2 as materialized (

    select
        jumped.node_id,
        label_of_label.label

    from jumped_2 as jumped
    inner join jumped_2 as label_of_label
        on jumped.label = label_of_label.node_id

),


-- pass 3
disagreeing_3 as materialized (

    select
        core_edges.low_node_id,
        core_edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from core_edges
    inner join labels_2 as low_label
        on core_edges.low_node_id = low_label.node_id
    inner join labels_2 as high_label
        on core_edges.high_node_id = high_label.node_id
    where low_label.label <> high_label.label

),

proposals_3 as materialized (

    select
        node_id,
        min(label) as label

    from (
        select
            case when low_label < high_label then high_node_id else low_node_id end as node_id,
            least(low_label, high_label) as label
        from disagreeing_3
        union all
        select
            greatest(low_label, high_label),
            least(low_label, high_label)
        from disagreeing_3
    ) as proposed
    group by node_id

),

hooked_3 as materialized (

    select
        labels.node_id,
        least(labels.label, coalesce(proposals.label, labels.label)) as label

    from labels_2 as labels
    left join proposals_3 as proposals
        on labels.node_id = proposals.node_id

),

jumped_3 as materialized (

    select
        hooked.node_id,
        label_of_label.label

    from hooked_3 as hooked
    inner join hooked_3 as label_of_label
        on hooked.label = label_of_label.node_id

),

labels_3 as materialized (

    select
        jumped.node_id,
        label_of_label.label

    from jumped_3 as jumped
    inner join jumped_3 as label_of_label
        on jumped.label = label_of_label.node_id

),


-- pass 4
disagreeing_4 as materialized (

    select
        core_edges.low_node_id,
        core_edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from core_edges
    inner join labels_3 as low_label
        on core_edges.low_node_id = low_label.node_id
    inner join labels_3 as high_label
        on core_edges.high_node_id = high_label.node_id
    where low_label.label <> high_label.label

),

proposals_4 as materialized (

    select
        node_id,
        min(label) as label

    from (
        select
            case when low_label < high_label then high_node_id else low_node_id end as node_id,
            least(low_label, high_label) as label
        from disagreeing_4
        union all
        select
            greatest(low_label, high_label),
            least(low_label, high_label)
        from disagreeing_4
    ) as proposed
    group by node_id

),

hooked_4 as materialized (

    select
        labels.node_id,
        least(labels.label, coalesce(proposals.label, labels.label)) as label

    from labels_3 as labels
    left join proposals_4 as proposals
        on labels.node_id = proposals.node_id

),

jumped_4 as materialized (

    select
        hooked.node_id,
        label_of_label.label

    from hooked_4 as hooked
    inner join hooked_4 as label_of_label
        on hooked.label = label_of_label.node_id

),

labels_4 as materialized (

    select
        jumped.node_id,
        label_of_label.label

    from jumped_4 as jumped
    inner join jumped_4 as label_of_label
        on jumped.label = label_of_label.node_id

),


-- pass 5
disagreeing_5 as materialized (

    select
        core_edges.low_node_id,
        core_edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from core_edges
    inner join labels_4 as low_label
        on core_edges.low_node_id = low_label.node_id
    inner join labels_4 as high_label
        on core_edges.high_node_id = high_label.node_id
    where low_label.label <> high_label.label

),

proposals_5 as materialized (

    select
        node_id,
        min(label) as label

    from (
        select
            case when low_label < high_label then high_node_id else low_node_id end as node_id,
            least(low_label, high_label) as label
        from disagreeing_5
        union all
        select
            greatest(low_label, high_label),
            least(low_label, high_label)
        from disagreeing_5
    ) as proposed
    group by node_id

),

hooked_5 as materialized (

    select
        labels.node_id,
        least(labels.label, coalesce(proposals.label, labels.label)) as label

    from labels_4 as labels
    left join proposals_5 as proposals
        on labels.node_id = proposals.node_id

),

jumped_5 as materialized (

    select
        hooked.node_id,
        label_of_label.label

    from hooked_5 as hooked
    inner join hooked_5 as label_of_label
        on hooked.label = label_of_label.node_id

),

labels_5 as materialized (

    select
        jumped.node_id,
        label_of_label.label

    from jumped_5 as jumped
    inner join jumped_5 as label_of_label
        on jumped.label = label_of_label.node_id

),


-- pass 6
disagreeing_6 as materialized (

    select
        core_edges.low_node_id,
        core_edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from core_edges
    inner join labels_5 as low_label
        on core_edges.low_node_id = low_label.node_id
    inner join labels_5 as high_label
        on core_edges.high_node_id = high_label.node_id
    where low_label.label <> high_label.label

),

proposals_6 as materialized (

    select
        node_id,
        min(label) as label

    from (
        select
            case when low_label < high_label then high_node_id else low_node_id end as node_id,
            least(low_label, high_label) as label
        from disagreeing_6
        union all
        select
            greatest(low_label, high_label),
            least(low_label, high_label)
        from disagreeing_6
    ) as proposed
    group by node_id

),

hooked_6 as materialized (

    select
        labels.node_id,
        least(labels.label, coalesce(proposals.label, labels.label)) as label

    from labels_5 as labels
    left join proposals_6 as proposals
        on labels.node_id = proposals.node_id

),

jumped_6 as materialized (

    select
        hooked.node_id,
        label_of_label.label

    from hooked_6 as hooked
    inner join hooked_6 as label_of_label
        on hooked.label = label_of_label.node_id

),

labels_6 as materialized (

    select
        jumped.node_id,
        label_of_label.label

    from jumped_6 as jumped
    inner join jumped_6 as label_of_label
        on jumped.label = label_of_label.node_id

),


-- pass 7
disagreeing_7 as materialized (

    select
        core_edges.low_node_id,
        core_edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from core_edges
    inner join labels_6 as low_label
        on core_edges.low_node_id = low_label.node_id
    inner join labels_6 as high_label
        on core_edges.high_node_id = high_label.node_id
    where low_label.label <> high_label.label

),

proposals_7 as materialized (

    select
        node_id,
        min(label) as label

    from (
        select
            case when low_label < high_label then high_node_id else low_node_id end as node_id,
            least(low_label, high_label) as label
        from disagreeing_7
        union all
        select
            greatest(low_label, high_label),
            least(low_label, high_label)
        from disagreeing_7
    ) as proposed
    group by node_id

),

hooked_7 as materialized (

    select
        labels.node_id,
        least(labels.label, coalesce(proposals.label, labels.label)) as label

    from labels_6 as labels
    left join proposals_7 as proposals
        on labels.node_id = proposals.node_id

),

jumped_7 as materialized (

    select
        hooked.node_id,
        label_of_label.label

    from hooked_7 as hooked
    inner join hooked_7 as label_of_label
        on hooked.label = label_of_label.node_id

),

labels_7 as materialized (

    select
        jumped.node_id,
        label_of_label.label

    from jumped_7 as jumped
    inner join jumped_7 as label_of_label
        on jumped.label = label_of_label.node_id

),


-- pass 8
disagreeing_8 as materialized (

    select
        core_edges.low_node_id,
        core_edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from core_edges
    inner join labels_7 as low_label
        on core_edges.low_node_id = low_label.node_id
    inner join labels_7 as high_label
        on core_edges.high_node_id = high_label.node_id
    where low_label.label <> high_label.label

),

proposals_8 as materialized (

    select
        node_id,
        min(label) as label

    from (
        select
            case when low_label < high_label then high_node_id else low_node_id end as node_id,
            least(low_label, high_label) as label
        from disagreeing_8
        union all
        select
            greatest(low_label, high_label),
            least(low_label, high_label)
        from disagreeing_8
    ) as proposed
    group by node_id

),

hooked_8 as materialized (

    select
        labels.node_id,
        least(labels.label, coalesce(proposals.label, labels.label)) as label

    from labels_7 as labels
    left join proposals_8 as proposals
        on labels.node_id = proposals.node_id

),

jumped_8 as materialized (

    select
        hooked.node_id,
        label_of_label.label

    from hooked_8 as hooked
    inner join hooked_8 as label_of_label
        on hooked.label = label_of_label.node_id

),

labels_8 as materialized (

    select
        jumped.node_id,
        label_of_label.label

    from jumped_8 as jumped
    inner join jumped_8 as label_of_label
        on jumped.label = label_of_label.node_id

),


-- pass 9
disagreeing_9 as materialized (

    select
        core_edges.low_node_id,
        core_edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from core_edges
    inner join labels_8 as low_label
        on core_edges.low_node_id = low_label.node_id
    inner join labels_8 as high_label
        on core_edges.high_node_id = high_label.node_id
    where low_label.label <> high_label.label

),

proposals_9 as materialized (

    select
        node_id,
        min(label) as label

    from (
        select
            case when low_label < high_label then high_node_id else low_node_id end as node_id,
            least(low_label, high_label) as label
        from disagreeing_9
        union all
        select
            greatest(low_label, high_label),
            least(low_label, high_label)
        from disagreeing_9
    ) as proposed
    group by node_id

),

hooked_9 as materialized (

    select
        labels.node_id,
        least(labels.label, coalesce(proposals.label, labels.label)) as label

    from labels_8 as labels
    left join proposals_9 as proposals
        on labels.node_id = proposals.node_id

),

jumped_9 as materialized (

    select
        hooked.node_id,
        label_of_label.label

    from hooked_9 as hooked
    inner join hooked_9 as label_of_label
        on hooked.label = label_of_label.node_id

),

labels_9 as materialized (

    select
        jumped.node_id,
        label_of_label.label

    from jumped_9 as jumped
    inner join jumped_9 as label_of_label
        on jumped.label = label_of_label.node_id

),


-- pass 10
disagreeing_10 as materialized (

    select
        core_edges.low_node_id,
        core_edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from core_edges
    inner join labels_9 as low_label
        on core_edges.low_node_id = low_label.node_id
    inner join labels_9 as high_label
        on core_edges.high_node_id = high_label.node_id
    where low_label.label <> high_label.label

),

proposals_10 as materialized (

    select
        node_id,
        min(label) as label

    from (
        select
            case when low_label < high_label then high_node_id else low_node_id end as node_id,
            least(low_label, high_label) as label
        from disagreeing_10
        union all
        select
            greatest(low_label, high_label),
            least(low_label, high_label)
        from disagreeing_10
    ) as proposed
    group by node_id

),

hooked_10 as materialized (

    select
        labels.node_id,
        least(labels.label, coalesce(proposals.label, labels.label)) as label

    from labels_9 as labels
    left join proposals_10 as proposals
        on labels.node_id = proposals.node_id

),

jumped_10 as materialized (

    select
        hooked.node_id,
        label_of_label.label

    from hooked_10 as hooked
    inner join hooked_10 as label_of_label
        on hooked.label = label_of_label.node_id

),

labels_10 as materialized (

    select
        jumped.node_id,
        label_of_label.label

    from jumped_10 as jumped
    inner join jumped_10 as label_of_label
        on jumped.label = label_of_label.node_id

),


-- pass 11
disagreeing_11 as materialized (

    select
        core_edges.low_node_id,
        core_edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from core_edges
    inner join labels_10 as low_label
        on core_edges.low_node_id = low_label.node_id
    inner join labels_10 as high_label
        on core_edges.high_node_id = high_label.node_id
    where low_label.label <> high_label.label

),

proposals_11 as materialized (

    select
        node_id,
        min(label) as label

    from (
        select
            case when low_label < high_label then high_node_id else low_node_id end as node_id,
            least(low_label, high_label) as label
        from disagreeing_11
        union all
        select
            greatest(low_label, high_label),
            least(low_label, high_label)
        from disagreeing_11
    ) as proposed
    group by node_id

),

hooked_11 as materialized (

    select
        labels.node_id,
        least(labels.label, coalesce(proposals.label, labels.label)) as label

    from labels_10 as labels
    left join proposals_11 as proposals
        on labels.node_id = proposals.node_id

),

jumped_11 as materialized (

    select
        hooked.node_id,
        label_of_label.label

    from hooked_11 as hooked
    inner join hooked_11 as label_of_label
        on hooked.label = label_of_label.node_id

),

labels_11 as materialized (

    select
        jumped.node_id,
        label_of_label.label

    from jumped_11 as jumped
    inner join jumped_11 as label_of_label
        on jumped.label = label_of_label.node_id

),


-- pass 12
disagreeing_12 as materialized (

    select
        core_edges.low_node_id,
        core_edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from core_edges
    inner join labels_11 as low_label
        on core_edges.low_node_id = low_label.node_id
    inner join labels_11 as high_label
        on core_edges.high_node_id = high_label.node_id
    where low_label.label <> high_label.label

),

proposals_12 as materialized (

    select
        node_id,
        min(label) as label

    from (
        select
            case when low_label < high_label then high_node_id else low_node_id end as node_id,
            least(low_label, high_label) as label
        from disagreeing_12
        union all
        select
            greatest(low_label, high_label),
            least(low_label, high_label)
        from disagreeing_12
    ) as proposed
    group by node_id

),

hooked_12 as materialized (

    select
        labels.node_id,
        least(labels.label, coalesce(proposals.label, labels.label)) as label

    from labels_11 as labels
    left join proposals_12 as proposals
        on labels.node_id = proposals.node_id

),

jumped_12 as materialized (

    select
        hooked.node_id,
        label_of_label.label

    from hooked_12 as hooked
    inner join hooked_12 as label_of_label
        on hooked.label = label_of_label.node_id

),

labels_12 as materialized (

    select
        jumped.node_id,
        label_of_label.label

    from jumped_12 as jumped
    inner join jumped_12 as label_of_label
        on jumped.label = label_of_label.node_id

),



core_labels as (

    select
        final_labels.node_id,
        final_labels.label,
        final_labels.label = before_last_pass.label as is_settled

    from labels_12 as final_labels
    inner join labels_11 as before_last_pass
        on final_labels.node_id = before_last_pass.node_id

),

-- leaves take their neighbour's label; a neighbour with only leaves around it labels itself
graph_labels as materialized (

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