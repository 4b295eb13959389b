-- Catches an identity graph that label propagation did not finish merging within var
-- identity_max_passes passes: its clusters would be half-merged, so customer ids, the bridge and
-- dim_customers must not be built from it. Fix: raise identity_max_passes, or look for a junk
-- identifier gluing a giant cluster (customer360.quality.identity.largest_clusters).
{{ config(severity='error') }}

select
    max_passes,
    nodes_unsettled,
    edges_across_clusters,
    'identity graph did not converge within ' || cast(max_passes as {{ dbt.type_string() }})
        || ' label propagation passes (var identity_max_passes)' as message

from {{ ref('int_identity__convergence') }}
where not is_converged
