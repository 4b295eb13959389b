"""Publish: the marts to the read-only serving file, only when every blocking check has passed."""

import dagster as dg
from dagster._core.storage.asset_check_execution_record import AssetCheckExecutionRecordStatus

from customer360.dbt_artifacts import manifest_path, serving_meta, table_docs
from customer360.privacy import last_erasure_at
from customer360.recovery import remove_orphan_build_files
from customer360.serving import publish_marts, rules_from_meta
from customer360.serving.publish import drop_previous_if_erased
from customer360.settings import Settings
from customer360.warehouse import connect
from orchestration.resources import DUCKDB_POOL

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


def pinned_as_of_date(settings: Settings) -> str | None:
    """The date the warehouse's marts were pinned to (dbt var as_of_date), None when they follow the data."""
    with connect(settings, read_only=True) as con:
        as_of, is_pinned = con.execute(
            "select cast(as_of_date as varchar), is_pinned from intermediate.int_calendar__as_of_date").fetchone()
    return as_of if is_pinned else None


def build_publish_asset(mart_keys: list[dg.AssetKey], check_keys: list[dg.AssetCheckKey]) -> dg.AssetsDefinition:
    """check_keys: every check of the code location; any of them failing with ERROR vetoes publish."""

    @dg.asset(
        key=SERVING_KEY,
        deps=mart_keys,
        group_name="serving",
        kinds={"duckdb"},
        pool=DUCKDB_POOL,
        description=(
            "data/serving/customer360.duckdb: the marts schema for BI, each column as its dbt `serving` meta "
            "says (contact PII as salted hashes, system keys readable, birth dates left out), documented by "
            "table and column comments, in a storage format DuckDB 1.x readers open. Built aside and "
            "swapped in atomically, only when no blocking check has failed. A rebuild as of a date publishes "
            "into customer360_as_of_<yyyymmdd>.duckdb instead."
        ),
    )
    def publish_marts_asset(context: dg.AssetExecutionContext, settings: dg.ResourceParam[Settings]):
        failed = failed_blocking_checks(context.instance, check_keys)
        if failed:
            raise dg.Failure(
                description=(
                    f"Not published: {len(failed)} blocking check(s) failed; the serving file is unchanged. "
                    "See docs/runbook.md for each check."
                ),
                metadata={"failed_checks": dg.MetadataValue.md("\n".join(f"- `{k}`" for k in failed))},
            )
        pinned = pinned_as_of_date(settings)
        if pinned != settings.as_of_date:
            raise dg.Failure(description=(
                f"Not published: the warehouse {settings.warehouse_path} was built as of "
                f"{pinned or 'its latest event'}, this run as of {settings.as_of_date or 'the latest event'}. "
                "A rebuild as of a date publishes only into its own serving file: make run AS_OF=YYYY-MM-DD "
                "(docs/runbook.md#publish)."))
        for orphan in remove_orphan_build_files(settings.serving_path):  # of a publish killed half-way
            context.log.info(f"removed {orphan.name}, left by a publish that did not finish")
        manifest = manifest_path(settings.project_dir)
        result = publish_marts(
            warehouse_path=settings.warehouse_path,
            serving_path=settings.serving_path,
            rules=rules_from_meta(serving_meta(manifest)),
            docs=table_docs(manifest),
            salt=settings.salt(),
            memory_limit=settings.publish_memory_limit,
            threads=settings.duckdb_threads,
            storage_version=settings.serving_storage_version,
        )
        with connect(settings, read_only=True) as con:
            erased_at = last_erasure_at(con)
        if drop_previous_if_erased(settings.serving_path, erased_at):  # a rollback would bring them back
            context.log.info("removed the rollback copy: it was built before the latest erasure")
        rows = "\n".join(f"| {t} | {n:,} |" for t, n in sorted(result.tables.items()))
        return dg.MaterializeResult(
            metadata={
                "serving_file": dg.MetadataValue.path(str(result.serving_path)),
                "as_of_date": settings.as_of_date or "latest event",
                "tables": len(result.tables),
                "rows_by_table": dg.MetadataValue.md("| table | rows |\n|---|---|\n" + rows),
                "hashed_pii_columns": dg.MetadataValue.json(result.hashed_columns),
                "columns_left_out": dg.MetadataValue.json(result.dropped_columns),
                "storage_version": result.storage_version,
            }
        )

    return publish_marts_asset
