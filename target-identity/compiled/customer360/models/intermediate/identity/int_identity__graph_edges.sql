-- The identity graph's edges between unblocked identifiers, as node id pairs (low_node_id <
-- high_node_id, distinct): what label propagation reads. An edge touching a blocked identifier is
-- gone with it, so is a phone's link that int_identity__weak_links does not use; a self-link never
-- makes it here.

with

edges as (

    select * from "warehouse"."intermediate"."int_identity__edges"

),

nodes as (

    select * from "warehouse"."intermediate"."int_identity__nodes"

),

unused_weak_links as (

    select * from "warehouse"."intermediate"."int_identity__weak_links"
    where not is_used

),

usable_edges as (

    select edges.*

    from edges
    left join unused_weak_links as unused_a_to_b
        on edges.identifier_a_type = unused_a_to_b.linked_type
        and edges.identifier_a_value = unused_a_to_b.linked_value
        and edges.identifier_b_type = unused_a_to_b.weak_type
        and edges.identifier_b_value = unused_a_to_b.weak_value
    left join unused_weak_links as unused_b_to_a
        on edges.identifier_b_type = unused_b_to_a.linked_type
        and edges.identifier_b_value = unused_b_to_a.linked_value
        and edges.identifier_a_type = unused_b_to_a.weak_type
        and edges.identifier_a_value = unused_b_to_a.weak_value
    where unused_a_to_b.weak_value is null and unused_b_to_a.weak_value is null

),

node_pairs as (

    select
        node_a.node_id as node_a_id,
        node_b.node_id as node_b_id

    from usable_edges as edges
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