
    

    create  table
      "warehouse"."intermediate"."int_identity__clusters__dbt_tmp"
  
    
    as (
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

with

nodes as (

    select node_id, identifier_type, identifier_value, first_seen_at, last_seen_at, source_mask
    from "warehouse"."intermediate"."int_identity__nodes"

),

graph_edges as materialized (

    select distinct
        least(low_node_id, high_node_id) as low_node_id,
        greatest(low_node_id, high_node_id) as high_node_id

    from "warehouse"."intermediate"."int_identity__graph_edges"
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

edges_0 as materialized (

    select low_node_id, high_node_id from core_edges

),


-- pass 1
edge_labels_1 as materialized (

    select
        edges.low_node_id,
        edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from edges_0 as edges
    inner join labels_0 as low_label
        on edges.low_node_id = low_label.node_id
    inner join labels_0 as high_label
        on edges.high_node_id = high_label.node_id

),

disagreeing_1 as materialized (

    select * from edge_labels_1 where low_label <> high_label

),

unsettled_labels_1 as materialized (

    select low_label as label from disagreeing_1
    union
    select high_label from disagreeing_1

),

settled_1 as (

    select labels.node_id, labels.label
    from labels_0 as labels
    left join unsettled_labels_1 as unsettled
        on labels.label = unsettled.label
    where unsettled.label is null

),

working_1 as materialized (

    select labels.node_id, labels.label
    from labels_0 as labels
    inner join unsettled_labels_1 as unsettled
        on labels.label = unsettled.label

),

edges_1 as materialized (

    select edge_labels.low_node_id, edge_labels.high_node_id
    from edge_labels_1 as edge_labels
    inner join unsettled_labels_1 as unsettled
        on edge_labels.low_label = unsettled.label

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
        working.node_id,
        least(working.label, coalesce(proposals.label, working.label)) as label

    from working_1 as working
    left join proposals_1 as proposals
        on working.node_id = proposals.node_id

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
edge_labels_2 as materialized (

    select
        edges.low_node_id,
        edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from edges_1 as edges
    inner join labels_1 as low_label
        on edges.low_node_id = low_label.node_id
    inner join labels_1 as high_label
        on edges.high_node_id = high_label.node_id

),

disagreeing_2 as materialized (

    select * from edge_labels_2 where low_label <> high_label

),

unsettled_labels_2 as materialized (

    select low_label as label from disagreeing_2
    union
    select high_label from disagreeing_2

),

settled_2 as (

    select labels.node_id, labels.label
    from labels_1 as labels
    left join unsettled_labels_2 as unsettled
        on labels.label = unsettled.label
    where unsettled.label is null

),

working_2 as materialized (

    select labels.node_id, labels.label
    from labels_1 as labels
    inner join unsettled_labels_2 as unsettled
        on labels.label = unsettled.label

),

edges_2 as materialized (

    select edge_labels.low_node_id, edge_labels.high_node_id
    from edge_labels_2 as edge_labels
    inner join unsettled_labels_2 as unsettled
        on edge_labels.low_label = unsettled.label

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
        working.node_id,
        least(working.label, coalesce(proposals.label, working.label)) as label

    from working_2 as working
    left join proposals_2 as proposals
        on working.node_id = proposals.node_id

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
edge_labels_3 as materialized (

    select
        edges.low_node_id,
        edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from edges_2 as edges
    inner join labels_2 as low_label
        on edges.low_node_id = low_label.node_id
    inner join labels_2 as high_label
        on edges.high_node_id = high_label.node_id

),

disagreeing_3 as materialized (

    select * from edge_labels_3 where low_label <> high_label

),

unsettled_labels_3 as materialized (

    select low_label as label from disagreeing_3
    union
    select high_label from disagreeing_3

),

settled_3 as (

    select labels.node_id, labels.label
    from labels_2 as labels
    left join unsettled_labels_3 as unsettled
        on labels.label = unsettled.label
    where unsettled.label is null

),

working_3 as materialized (

    select labels.node_id, labels.label
    from labels_2 as labels
    inner join unsettled_labels_3 as unsettled
        on labels.label = unsettled.label

),

edges_3 as materialized (

    select edge_labels.low_node_id, edge_labels.high_node_id
    from edge_labels_3 as edge_labels
    inner join unsettled_labels_3 as unsettled
        on edge_labels.low_label = unsettled.label

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
        working.node_id,
        least(working.label, coalesce(proposals.label, working.label)) as label

    from working_3 as working
    left join proposals_3 as proposals
        on working.node_id = proposals.node_id

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
edge_labels_4 as materialized (

    select
        edges.low_node_id,
        edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from edges_3 as edges
    inner join labels_3 as low_label
        on edges.low_node_id = low_label.node_id
    inner join labels_3 as high_label
        on edges.high_node_id = high_label.node_id

),

disagreeing_4 as materialized (

    select * from edge_labels_4 where low_label <> high_label

),

unsettled_labels_4 as materialized (

    select low_label as label from disagreeing_4
    union
    select high_label from disagreeing_4

),

settled_4 as (

    select labels.node_id, labels.label
    from labels_3 as labels
    left join unsettled_labels_4 as unsettled
        on labels.label = unsettled.label
    where unsettled.label is null

),

working_4 as materialized (

    select labels.node_id, labels.label
    from labels_3 as labels
    inner join unsettled_labels_4 as unsettled
        on labels.label = unsettled.label

),

edges_4 as materialized (

    select edge_labels.low_node_id, edge_labels.high_node_id
    from edge_labels_4 as edge_labels
    inner join unsettled_labels_4 as unsettled
        on edge_labels.low_label = unsettled.label

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
        working.node_id,
        least(working.label, coalesce(proposals.label, working.label)) as label

    from working_4 as working
    left join proposals_4 as proposals
        on working.node_id = proposals.node_id

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
edge_labels_5 as materialized (

    select
        edges.low_node_id,
        edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from edges_4 as edges
    inner join labels_4 as low_label
        on edges.low_node_id = low_label.node_id
    inner join labels_4 as high_label
        on edges.high_node_id = high_label.node_id

),

disagreeing_5 as materialized (

    select * from edge_labels_5 where low_label <> high_label

),

unsettled_labels_5 as materialized (

    select low_label as label from disagreeing_5
    union
    select high_label from disagreeing_5

),

settled_5 as (

    select labels.node_id, labels.label
    from labels_4 as labels
    left join unsettled_labels_5 as unsettled
        on labels.label = unsettled.label
    where unsettled.label is null

),

working_5 as materialized (

    select labels.node_id, labels.label
    from labels_4 as labels
    inner join unsettled_labels_5 as unsettled
        on labels.label = unsettled.label

),

edges_5 as materialized (

    select edge_labels.low_node_id, edge_labels.high_node_id
    from edge_labels_5 as edge_labels
    inner join unsettled_labels_5 as unsettled
        on edge_labels.low_label = unsettled.label

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
        working.node_id,
        least(working.label, coalesce(proposals.label, working.label)) as label

    from working_5 as working
    left join proposals_5 as proposals
        on working.node_id = proposals.node_id

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
edge_labels_6 as materialized (

    select
        edges.low_node_id,
        edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from edges_5 as edges
    inner join labels_5 as low_label
        on edges.low_node_id = low_label.node_id
    inner join labels_5 as high_label
        on edges.high_node_id = high_label.node_id

),

disagreeing_6 as materialized (

    select * from edge_labels_6 where low_label <> high_label

),

unsettled_labels_6 as materialized (

    select low_label as label from disagreeing_6
    union
    select high_label from disagreeing_6

),

settled_6 as (

    select labels.node_id, labels.label
    from labels_5 as labels
    left join unsettled_labels_6 as unsettled
        on labels.label = unsettled.label
    where unsettled.label is null

),

working_6 as materialized (

    select labels.node_id, labels.label
    from labels_5 as labels
    inner join unsettled_labels_6 as unsettled
        on labels.label = unsettled.label

),

edges_6 as materialized (

    select edge_labels.low_node_id, edge_labels.high_node_id
    from edge_labels_6 as edge_labels
    inner join unsettled_labels_6 as unsettled
        on edge_labels.low_label = unsettled.label

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
        working.node_id,
        least(working.label, coalesce(proposals.label, working.label)) as label

    from working_6 as working
    left join proposals_6 as proposals
        on working.node_id = proposals.node_id

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
edge_labels_7 as materialized (

    select
        edges.low_node_id,
        edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from edges_6 as edges
    inner join labels_6 as low_label
        on edges.low_node_id = low_label.node_id
    inner join labels_6 as high_label
        on edges.high_node_id = high_label.node_id

),

disagreeing_7 as materialized (

    select * from edge_labels_7 where low_label <> high_label

),

unsettled_labels_7 as materialized (

    select low_label as label from disagreeing_7
    union
    select high_label from disagreeing_7

),

settled_7 as (

    select labels.node_id, labels.label
    from labels_6 as labels
    left join unsettled_labels_7 as unsettled
        on labels.label = unsettled.label
    where unsettled.label is null

),

working_7 as materialized (

    select labels.node_id, labels.label
    from labels_6 as labels
    inner join unsettled_labels_7 as unsettled
        on labels.label = unsettled.label

),

edges_7 as materialized (

    select edge_labels.low_node_id, edge_labels.high_node_id
    from edge_labels_7 as edge_labels
    inner join unsettled_labels_7 as unsettled
        on edge_labels.low_label = unsettled.label

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
        working.node_id,
        least(working.label, coalesce(proposals.label, working.label)) as label

    from working_7 as working
    left join proposals_7 as proposals
        on working.node_id = proposals.node_id

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
edge_labels_8 as materialized (

    select
        edges.low_node_id,
        edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from edges_7 as edges
    inner join labels_7 as low_label
        on edges.low_node_id = low_label.node_id
    inner join labels_7 as high_label
        on edges.high_node_id = high_label.node_id

),

disagreeing_8 as materialized (

    select * from edge_labels_8 where low_label <> high_label

),

unsettled_labels_8 as materialized (

    select low_label as label from disagreeing_8
    union
    select high_label from disagreeing_8

),

settled_8 as (

    select labels.node_id, labels.label
    from labels_7 as labels
    left join unsettled_labels_8 as unsettled
        on labels.label = unsettled.label
    where unsettled.label is null

),

working_8 as materialized (

    select labels.node_id, labels.label
    from labels_7 as labels
    inner join unsettled_labels_8 as unsettled
        on labels.label = unsettled.label

),

edges_8 as materialized (

    select edge_labels.low_node_id, edge_labels.high_node_id
    from edge_labels_8 as edge_labels
    inner join unsettled_labels_8 as unsettled
        on edge_labels.low_label = unsettled.label

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
        working.node_id,
        least(working.label, coalesce(proposals.label, working.label)) as label

    from working_8 as working
    left join proposals_8 as proposals
        on working.node_id = proposals.node_id

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
edge_labels_9 as materialized (

    select
        edges.low_node_id,
        edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from edges_8 as edges
    inner join labels_8 as low_label
        on edges.low_node_id = low_label.node_id
    inner join labels_8 as high_label
        on edges.high_node_id = high_label.node_id

),

disagreeing_9 as materialized (

    select * from edge_labels_9 where low_label <> high_label

),

unsettled_labels_9 as materialized (

    select low_label as label from disagreeing_9
    union
    select high_label from disagreeing_9

),

settled_9 as (

    select labels.node_id, labels.label
    from labels_8 as labels
    left join unsettled_labels_9 as unsettled
        on labels.label = unsettled.label
    where unsettled.label is null

),

working_9 as materialized (

    select labels.node_id, labels.label
    from labels_8 as labels
    inner join unsettled_labels_9 as unsettled
        on labels.label = unsettled.label

),

edges_9 as materialized (

    select edge_labels.low_node_id, edge_labels.high_node_id
    from edge_labels_9 as edge_labels
    inner join unsettled_labels_9 as unsettled
        on edge_labels.low_label = unsettled.label

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
        working.node_id,
        least(working.label, coalesce(proposals.label, working.label)) as label

    from working_9 as working
    left join proposals_9 as proposals
        on working.node_id = proposals.node_id

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
edge_labels_10 as materialized (

    select
        edges.low_node_id,
        edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from edges_9 as edges
    inner join labels_9 as low_label
        on edges.low_node_id = low_label.node_id
    inner join labels_9 as high_label
        on edges.high_node_id = high_label.node_id

),

disagreeing_10 as materialized (

    select * from edge_labels_10 where low_label <> high_label

),

unsettled_labels_10 as materialized (

    select low_label as label from disagreeing_10
    union
    select high_label from disagreeing_10

),

settled_10 as (

    select labels.node_id, labels.label
    from labels_9 as labels
    left join unsettled_labels_10 as unsettled
        on labels.label = unsettled.label
    where unsettled.label is null

),

working_10 as materialized (

    select labels.node_id, labels.label
    from labels_9 as labels
    inner join unsettled_labels_10 as unsettled
        on labels.label = unsettled.label

),

edges_10 as materialized (

    select edge_labels.low_node_id, edge_labels.high_node_id
    from edge_labels_10 as edge_labels
    inner join unsettled_labels_10 as unsettled
        on edge_labels.low_label = unsettled.label

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
        working.node_id,
        least(working.label, coalesce(proposals.label, working.label)) as label

    from working_10 as working
    left join proposals_10 as proposals
        on working.node_id = proposals.node_id

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
edge_labels_11 as materialized (

    select
        edges.low_node_id,
        edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from edges_10 as edges
    inner join labels_10 as low_label
        on edges.low_node_id = low_label.node_id
    inner join labels_10 as high_label
        on edges.high_node_id = high_label.node_id

),

disagreeing_11 as materialized (

    select * from edge_labels_11 where low_label <> high_label

),

unsettled_labels_11 as materialized (

    select low_label as label from disagreeing_11
    union
    select high_label from disagreeing_11

),

settled_11 as (

    select labels.node_id, labels.label
    from labels_10 as labels
    left join unsettled_labels_11 as unsettled
        on labels.label = unsettled.label
    where unsettled.label is null

),

working_11 as materialized (

    select labels.node_id, labels.label
    from labels_10 as labels
    inner join unsettled_labels_11 as unsettled
        on labels.label = unsettled.label

),

edges_11 as materialized (

    select edge_labels.low_node_id, edge_labels.high_node_id
    from edge_labels_11 as edge_labels
    inner join unsettled_labels_11 as unsettled
        on edge_labels.low_label = unsettled.label

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
        working.node_id,
        least(working.label, coalesce(proposals.label, working.label)) as label

    from working_11 as working
    left join proposals_11 as proposals
        on working.node_id = proposals.node_id

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
edge_labels_12 as materialized (

    select
        edges.low_node_id,
        edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from edges_11 as edges
    inner join labels_11 as low_label
        on edges.low_node_id = low_label.node_id
    inner join labels_11 as high_label
        on edges.high_node_id = high_label.node_id

),

disagreeing_12 as materialized (

    select * from edge_labels_12 where low_label <> high_label

),

unsettled_labels_12 as materialized (

    select low_label as label from disagreeing_12
    union
    select high_label from disagreeing_12

),

settled_12 as (

    select labels.node_id, labels.label
    from labels_11 as labels
    left join unsettled_labels_12 as unsettled
        on labels.label = unsettled.label
    where unsettled.label is null

),

working_12 as materialized (

    select labels.node_id, labels.label
    from labels_11 as labels
    inner join unsettled_labels_12 as unsettled
        on labels.label = unsettled.label

),

edges_12 as materialized (

    select edge_labels.low_node_id, edge_labels.high_node_id
    from edge_labels_12 as edge_labels
    inner join unsettled_labels_12 as unsettled
        on edge_labels.low_label = unsettled.label

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
        working.node_id,
        least(working.label, coalesce(proposals.label, working.label)) as label

    from working_12 as working
    left join proposals_12 as proposals
        on working.node_id = proposals.node_id

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


-- pass 13: only the settling check
edge_labels_13 as materialized (

    select
        edges.low_node_id,
        edges.high_node_id,
        low_label.label as low_label,
        high_label.label as high_label

    from edges_12 as edges
    inner join labels_12 as low_label
        on edges.low_node_id = low_label.node_id
    inner join labels_12 as high_label
        on edges.high_node_id = high_label.node_id

),

disagreeing_13 as materialized (

    select * from edge_labels_13 where low_label <> high_label

),

unsettled_labels_13 as materialized (

    select low_label as label from disagreeing_13
    union
    select high_label from disagreeing_13

),

settled_13 as (

    select labels.node_id, labels.label
    from labels_12 as labels
    left join unsettled_labels_13 as unsettled
        on labels.label = unsettled.label
    where unsettled.label is null

),


-- every core node settles in some pass; what is left after the last one did not converge
core_labels as (

    select node_id, label, true as is_settled from settled_1
    union all
    select node_id, label, true as is_settled from settled_2
    union all
    select node_id, label, true as is_settled from settled_3
    union all
    select node_id, label, true as is_settled from settled_4
    union all
    select node_id, label, true as is_settled from settled_5
    union all
    select node_id, label, true as is_settled from settled_6
    union all
    select node_id, label, true as is_settled from settled_7
    union all
    select node_id, label, true as is_settled from settled_8
    union all
    select node_id, label, true as is_settled from settled_9
    union all
    select node_id, label, true as is_settled from settled_10
    union all
    select node_id, label, true as is_settled from settled_11
    union all
    select node_id, label, true as is_settled from settled_12
    union all
    select node_id, label, true as is_settled from settled_13
    union all
    select labels.node_id, labels.label, false
    from labels_12 as labels
    inner join unsettled_labels_13 as unsettled
        on labels.label = unsettled.label

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
    );
    
  