"""Identity quality as asset checks on dim_customers: clustering against ground truth, runaway merges."""

import dagster as dg

from orchestration.assets.warehouse import DUCKDB_POOL
from orchestration.paths import truth_dir
from orchestration.quality.identity import identity_quality, max_cluster_size_check
from orchestration.resources import Warehouse

DIM_CUSTOMERS = dg.AssetKey(["marts", "dim_customers"])


def _hist_md(histogram: dict[str, int]) -> str:
    top = max(histogram.values() or [1])
    return "| identifiers | clusters | |\n|---|---|---|\n" + "\n".join(
        f"| {bucket} | {n:,} | {'█' * max(1, round(20 * n / top)) if n else ''} |" for bucket, n in histogram.items())


@dg.asset_check(asset=DIM_CUSTOMERS, name="identity_quality", blocking=True, pool=DUCKDB_POOL,
                description="Pairwise precision >= 0.995 and recall >= 0.98 against the simulator's ground truth.")
def identity_quality_check(warehouse: Warehouse) -> dg.AssetCheckResult:
    truth = truth_dir()
    if not (truth / "identifiers.parquet").exists():
        return dg.AssetCheckResult(
            passed=True, severity=dg.AssetCheckSeverity.WARN,
            description=f"No ground truth at {truth}: precision and recall not measured (real exports).",
        )
    with warehouse.connect(read_only=True) as con:
        q = identity_quality(con, truth)
    largest = q.get("largest_cluster") or {}
    return dg.AssetCheckResult(
        passed=bool(q["passed"]),
        description="; ".join(q["failures"]) or None,
        metadata={
            "precision": round(q["precision"], 5),
            "recall_carried": round(q["recall_carried"], 5),
            "recall_full_truth": round(q.get("recall_full", float("nan")), 5),
            "clusters": q["clusters"],
            "customers": q["customers"],
            "largest_cluster_size": q["max_cluster_size"],
            "largest_cluster": dg.MetadataValue.json(largest),
            "cluster_size_histogram": dg.MetadataValue.md(_hist_md(q["cluster_size_histogram"])),
        },
    )


@dg.asset_check(asset=DIM_CUSTOMERS, name="no_runaway_cluster", blocking=True, pool=DUCKDB_POOL,
                description="No customer glued together from more identifiers than a person can have.")
def runaway_cluster_check(warehouse: Warehouse) -> dg.AssetCheckResult:
    with warehouse.connect(read_only=True) as con:
        result = max_cluster_size_check(con)
    return dg.AssetCheckResult(
        passed=bool(result["passed"]),
        description=None if result["passed"] else (
            "A runaway merge: the hubs listed are the identifiers gluing strangers together; add them to "
            "seeds/identity_junk_blocklist.csv (docs/runbook.md#no_runaway_cluster)"),
        metadata={k: (dg.MetadataValue.json(v) if isinstance(v, (list, dict)) else v) for k, v in result.items()},
    )


identity_checks = [identity_quality_check, runaway_cluster_check]
