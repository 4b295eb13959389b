-- The identity graph's edges between unblocked identifiers, as node id pairs (low_node_id <
-- high_node_id, distinct): what label propagation reads. An edge touching a blocked identifier is
-- gone with it; a self-link never makes it here.

with

edges as (

    select * from "s"."intermediate"."int_identity__edges"

),

nodes as (

    select * from "s"."intermediate"."int_identity__nodes"

),

node_pairs as (

    select
        node_a.node_id as node_a_id,
        node_b.node_id as node_b_id

    from edges
    inner join nodes as node_a
        on edges.identifier_a_type = node_a.identifier_type
        and edges.identifier_a_value = node_a.identifier_value
    inner join nodes as node_b
        on edges.identifier_b_type = node_b.identifier_type
        and edges.identifier_b_value = node_b.identifier_value

),

graph_edges as (

    select distinct
        least(node_a_id, node_b_id) as low_node_id,
        greatest(node_a_id, node_b_id) as high_node_id

    from node_pairs
    where node_a_id <> node_b_id

)

select * from graph_edges