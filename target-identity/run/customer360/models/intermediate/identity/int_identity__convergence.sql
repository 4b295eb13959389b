
    

    create  table
      "warehouse"."intermediate"."int_identity__convergence__dbt_tmp"
  
    
    as (
      -- One row: did label propagation converge within var identity_max_passes passes?
-- nodes_unsettled is the check itself: identifiers whose cluster still had an edge between two
-- labels after the last pass (a pass over such a cluster would still change something);
-- edges_across_clusters re-checks the result independently of the algorithm (every edge must join
-- two identifiers of one cluster). The test assert_identity_graph_converged fails the build on
-- either, and int_identity__customer_ids refuses to assign ids from an unconverged graph.

with

clusters as (

    select * from "warehouse"."intermediate"."int_identity__clusters"

),

graph_edges as (

    select * from "warehouse"."intermediate"."int_identity__graph_edges"

),

counts as (

    select
        count(*) as identifiers,
        count(distinct cluster_node_id) as clusters,
        sum(case when is_settled then 0 else 1 end) as nodes_unsettled

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
        counts.identifiers,
        counts.clusters,
        coalesce(counts.nodes_unsettled, 0) as nodes_unsettled,
        split_edges.edges_across_clusters,
        coalesce(counts.nodes_unsettled, 0) = 0 and split_edges.edges_across_clusters = 0 as is_converged

    from counts
    cross join split_edges

)

select * from convergence
    );
    
  