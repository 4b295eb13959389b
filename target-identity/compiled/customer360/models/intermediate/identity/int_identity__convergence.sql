-- One row: did label propagation converge within var identity_max_passes passes?
-- nodes_moved_in_last_pass is the check itself (a pass that changes nothing is a fixpoint);
-- edges_across_clusters re-checks the result independently of the algorithm (every edge must join
-- two identifiers of one cluster). The test assert_identity_graph_converged fails the build on
-- either, and int_identity__customer_ids refuses to assign ids from an unconverged graph.

with

clusters as (

    select * from "f"."intermediate"."int_identity__clusters"

),

graph_edges as (

    select * from "f"."intermediate"."int_identity__graph_edges"

),

moved as (

    select
        count(*) as identifiers,
        count(distinct cluster_node_id) as clusters,
        sum(case when is_settled then 0 else 1 end) as nodes_moved_in_last_pass

    from clusters

),

split_edges as (

    select count(*) as edges_across_clusters

    from graph_edges
    inner join clusters as low_end
        on graph_edges.low_node_id = low_end.node_id
    inner join clusters as high_end
        on graph_edges.high_node_id = high_end.node_id
    where low_end.cluster_node_id <> high_end.cluster_node_id

),

convergence as (

    select
        12 as max_passes,
        moved.identifiers,
        moved.clusters,
        coalesce(moved.nodes_moved_in_last_pass, 0) as nodes_moved_in_last_pass,
        split_edges.edges_across_clusters,
        coalesce(moved.nodes_moved_in_last_pass, 0) = 0 and split_edges.edges_across_clusters = 0 as is_converged

    from moved
    cross join split_edges

)

select * from convergence