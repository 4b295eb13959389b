
-- Fixture for int_identity__convergence
select 
    
    cast(12 as INTEGER)
 as "max_passes", cast(null as BIGINT) as "identifiers", cast(null as BIGINT) as "clusters", cast(null as HUGEINT) as "nodes_unsettled", cast(null as BIGINT) as "edges_across_clusters", 
    
    cast(True as BOOLEAN)
 as "is_converged"