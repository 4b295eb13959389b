"""Publish: the marts to the read-only serving file, only when every blocking check has passed."""

from __future__ import annotations

import dagster as dg
from dagster._core.storage.asset_check_execution_record import AssetCheckExecutionRecordStatus

from orchestration.assets.warehouse import DUCKDB_POOL
from orchestration.dbt_project import dbt_project
from orchestration.paths import serving_path, warehouse_path
from orchestration.serving import pii_columns_from_manifest, pii_salt, publish_marts

SERVING_KEY = dg.AssetKey(["serving", "customer360"])


def failed_blocking_checks(instance: dg.DagsterInstance, check_keys) -> list[str]:
    """Checks whose latest evaluation failed with severity ERROR: each one vetoes publishing."""
    latest = instance.event_log_storage.get_latest_asset_check_execution_by_key(list(check_keys))
    failed = []
    for key, record in latest.items():
        if record.status != AssetCheckExecutionRecordStatus.FAILED:
            continue
        evaluation = record.event.asset_check_evaluation if record.event else None
        if evaluation is None or evaluation.severity == dg.AssetCheckSeverity.ERROR:
            failed.append(key.to_user_string())
    return sorted(failed)


def build_publish_asset(mart_keys: list[dg.AssetKey]) -> dg.AssetsDefinition:
    @dg.asset(
        key=SERVING_KEY,
        deps=mart_keys,
        group_name="serving",
        kinds={"duckdb"},
        pool=DUCKDB_POOL,
        description=(
            "data/serving/customer360.duckdb: the marts schema for BI, PII columns as salted hashes. "
            "Built aside and swapped in atomically, only when no blocking check has failed."
        ),
    )
    def publish_marts_asset(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
        check_keys = context.repository_def.asset_graph.asset_check_keys
        failed = failed_blocking_checks(context.instance, check_keys)
        if failed:
            raise dg.Failure(
                description=(
                    f"Not published: {len(failed)} blocking check(s) failed; the serving file is unchanged. "
                    "See docs/runbook.md for each check."
                ),
                metadata={"failed_checks": dg.MetadataValue.md("\n".join(f"- `{k}`" for k in failed))},
            )
        result = publish_marts(
            warehouse_path=warehouse_path(),
            serving_path=serving_path(),
            pii_columns=pii_columns_from_manifest(dbt_project.manifest_path),
            salt=pii_salt(),
        )
        rows = "\n".join(f"| {t} | {n:,} |" for t, n in sorted(result.tables.items()))
        return dg.MaterializeResult(
            metadata={
                "serving_file": dg.MetadataValue.path(str(result.serving_path)),
                "tables": len(result.tables),
                "rows_by_table": dg.MetadataValue.md("| table | rows |\n|---|---|\n" + rows),
                "hashed_pii_columns": dg.MetadataValue.json(result.hashed_columns),
            }
        )

    return publish_marts_asset
