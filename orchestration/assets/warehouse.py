"""Every dbt model, seed and test as Dagster assets and asset checks (`dbt build`).

Besides what dagster-dbt reports (status, execution duration, columns), the step adds what the
on-call needs to judge a build:

- every incremental model: the rows this run processed and the export days they span, against the
  rows the table holds (logged by the post-hook macros/log_incremental_batch.sql; dbt-duckdb reports
  no rows_affected), so a one-day run visibly reprocessed a few days, not the whole history;
- `intermediate/int_journey__late_events`: late rows and exports behind the lookback, per source;
- `marts/dim_customers`: customers, clusters, merges and splits of this run, the largest cluster and a
  cluster-size histogram;
- both of those also carry the dbt build's own figures: seconds, nodes by status, the slowest nodes.

Those two are reported when dbt has exited (DuckDB allows one process on the file while dbt writes),
and with them every event after the first of them (Dagster wants outputs in dependency order).
"""

import datetime as dt
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb
from dagster_dbt import DbtCliResource, dbt_assets

from orchestration.dbt_project import dbt_project, keep_partial_parse, reuse_partial_parse
from orchestration.landing.loader import ensure_raw_tables
from orchestration.metadata import (
    batch_summary,
    md_bar_table,
    md_image,
    parse_batch_log,
    png_bar_chart,
    write_chart,
)
from orchestration.quality.identity import cluster_sizes, largest_clusters
from orchestration.resources import Warehouse
from orchestration.translator import WarehouseTranslator

DUCKDB_POOL = "duckdb"  # DuckDB allows one writer: every asset that writes the file is in this pool
DBT_BUILD = ["build", "--exclude", "test_type:unit", "--indirect-selection", "buildable"]
LATE_EVENTS_KEY = dg.AssetKey(["intermediate", "int_journey__late_events"])
DIM_CUSTOMERS_KEY = dg.AssetKey(["marts", "dim_customers"])
REPORTED_AFTER_BUILD = (LATE_EVENTS_KEY, DIM_CUSTOMERS_KEY)
RANGE_TAGS = ("dagster/asset_partition_range_start", "dagster/asset_partition_range_end")
SLOWEST_SHOWN = 8


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=WarehouseTranslator(),
    pool=DUCKDB_POOL,
)
def warehouse_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: Warehouse):
    """dbt build: failing tests with severity error stop downstream models and fail the step.

    dbt unit tests are development tests (fixtures, not data): pytest runs them, production builds skip them.
    """
    with warehouse.connect() as con:  # a source with no exports yet still gets its (empty) raw table
        ensure_raw_tables(con)
    started_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    started = time.monotonic()
    # dagster-dbt's naming (the bench finds a run's results by it), chosen here to seed it with a parse
    target_path = Path("target", f"{context.op_execution_context.op.name}-{context.run.run_id[:7]}-"
                                 f"{uuid.uuid4().hex[:7]}")
    reuse_partial_parse(target_path)
    invocation = dbt.cli(DBT_BUILD, context=context, raise_on_error=False, target_path=target_path)
    batches: dict[str, dict[str, Any]] = {}  # model name -> what it processed
    results: list[dict[str, Any]] = []  # per dbt node: name, type, status, seconds
    held: list = []  # events of the assets reported after dbt exits, in their order
    for raw in invocation.stream_raw_events():
        info, data = raw.raw_event["info"], raw.raw_event["data"]
        batch = parse_batch_log(info.get("msg", "")) if info["name"] == "JinjaLogInfo" else None
        if batch:
            batches[batch["model"]] = batch
            context.log.info(f"{batch['model']}: {batch_summary(batch)}")
            continue
        if info["name"] in ("LogModelResult", "LogTestResult", "LogSeedResult") and "node_info" in data:
            node = data["node_info"]
            results.append({"name": node.get("node_name"), "type": info["name"][3:-6].lower(),
                            "status": node.get("node_status") or data.get("status"),
                            "seconds": float(data.get("execution_time") or 0)})
        for event in raw.to_default_asset_events(
            manifest=invocation.manifest, dagster_dbt_translator=invocation.dagster_dbt_translator,
            context=context, target_path=invocation.target_path, project=invocation.project,
        ):
            key = _asset_key_of(context, event)
            if isinstance(event, dg.Output) and key is not None and key.path[-1] in batches:
                event = event.with_metadata({**event.metadata, **batch_metadata(batches[key.path[-1]])})
            # Outputs must come in dependency order: from the first asset reported after the build
            # on, every event waits for dbt to exit.
            if held or key in REPORTED_AFTER_BUILD:
                held.append((key, event))
            else:
                yield event

    keep_partial_parse(target_path)
    build = build_figures(results, time.monotonic() - started, context.run.tags, batches)
    context.log.info(f"dbt build: {build['text']}")
    reported = {key for key, _ in held} & set(REPORTED_AFTER_BUILD)
    extra = after_build_metadata(context, warehouse, started_at, reported) if reported else {}
    for key, event in held:
        if isinstance(event, dg.Output) and key in reported:
            event = event.with_metadata({**event.metadata, **extra.get(key, {}), **build["metadata"]})
        yield event
    error = invocation.get_error()
    if error is not None:
        raise error


def _asset_key_of(context, event) -> dg.AssetKey | None:
    if isinstance(event, dg.Output):
        return context.assets_def.keys_by_output_name[event.output_name]
    return getattr(event, "asset_key", None)


# ------------------------------------------------------------------------------------------ figures


def batch_metadata(batch: dict[str, Any]) -> dict[str, Any]:
    """An incremental model's materialisation metadata: what this run processed."""
    metadata: dict[str, Any] = {
        "incremental_mode": batch["mode"],
        "rows_processed": dg.MetadataValue.int(int(batch["rows"])),
        "rows_in_table": dg.MetadataValue.int(int(batch["rows_total"])),
        "processed": dg.MetadataValue.text(batch_summary(batch)),
    }
    if batch.get("export_date_min"):
        metadata["processed_export_days"] = dg.MetadataValue.text(
            f"{batch['export_date_min']} .. {batch['export_date_max']} ({batch['export_days']} days)")
    return metadata


def build_figures(results: list[dict[str, Any]], seconds: float, tags: dict[str, str],
                  batches: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The dbt build's own figures: time, nodes by type and status, the slowest nodes, incremental rows."""
    by_status = Counter((r["type"], str(r["status"]).lower()) for r in results)
    status_rows = sorted(by_status.items())
    slowest = sorted(results, key=lambda r: -r["seconds"])[:SLOWEST_SHOWN]
    run_days = " .. ".join(dict.fromkeys(tags[t] for t in RANGE_TAGS if t in tags)) or tags.get(
        "dagster/partition", "unpartitioned")
    summary = "\n".join([
        f"**dbt build** of export days {run_days}: {seconds:,.0f} s, {len(results)} nodes.",
        "", "| node type | status | count |", "|---|---|--:|",
        *(f"| {kind} | {status} | {n} |" for (kind, status), n in status_rows),
        "", "Slowest nodes:", "", "| node | seconds |", "|---|--:|",
        *(f"| {r['name']} | {r['seconds']:.1f} |" for r in slowest),
        "", "Incremental models in this run:", "", "| model | processed |", "|---|---|",
        *(f"| {name} | {batch_summary(b)} |" for name, b in sorted(batches.items())),
    ])
    failed = sum(n for (_, status), n in by_status.items() if status in ("error", "fail"))
    return {
        "text": f"{seconds:.0f} s, {len(results)} nodes, {failed} failed or errored",
        "metadata": {
            "dbt_build_seconds": dg.MetadataValue.float(round(seconds, 1)),
            "dbt_nodes_failed": dg.MetadataValue.int(failed),
            "dbt_build": dg.MetadataValue.md(summary),
        },
    }


def after_build_metadata(context, warehouse: Warehouse, started_at: dt.datetime,
                         keys: set[dg.AssetKey]) -> dict[dg.AssetKey, dict[str, Any]]:
    """Figures read from the warehouse once dbt has released it; a failed query is logged, not fatal."""
    figures: dict[dg.AssetKey, dict[str, Any]] = {}
    try:
        with warehouse.connect(read_only=True) as con:
            if LATE_EVENTS_KEY in keys:
                figures[LATE_EVENTS_KEY] = late_event_figures(con)
            if DIM_CUSTOMERS_KEY in keys:
                figures[DIM_CUSTOMERS_KEY] = identity_figures(con, started_at, warehouse.docs_dir)
    except (duckdb.Error, OSError, ValueError) as error:  # the build stands; the on-call just sees fewer figures
        context.log.warning(f"metadata after dbt build not computed: {error}")
    return figures


def late_event_figures(con) -> dict[str, Any]:
    """Late data over every loaded export file: late rows and files behind the lookback, per source."""
    total = con.execute("""
        select count(*), coalesce(sum(rows_loaded), 0), coalesce(sum(late_rows), 0),
               coalesce(sum(rows_beyond_lookback), 0), count(*) filter (where is_beyond_lookback),
               coalesce(max(max_days_late), 0)
        from intermediate.int_journey__late_events
    """).fetchone()
    per_source = con.execute("""
        select source || '/' || entity, sum(late_rows), sum(rows_beyond_lookback), max(max_days_late)
        from intermediate.int_journey__late_events
        group by 1 order by 2 desc, 1
    """).fetchall()
    beyond = con.execute("""
        select source || '/' || entity, cast(export_date as varchar), source_file, rows_beyond_lookback
        from intermediate.int_journey__late_events
        where is_beyond_lookback
        order by loaded_at desc limit 20
    """).fetchall()
    top = max([r[1] for r in per_source] or [0])
    table = "\n".join([
        "| source | late rows | | rows behind the lookback | max days late |", "|---|--:|---|--:|--:|",
        *(f"| {s} | {late:,} | {'█' * max(1, round(24 * late / top)) if late else ''} | {gone:,} | {days} |"
          for s, late, gone, days in per_source),
    ])
    return {
        "export_files": dg.MetadataValue.int(total[0]),
        "late_rows": dg.MetadataValue.int(int(total[2])),
        "late_rate": dg.MetadataValue.float(round(total[2] / total[1], 6) if total[1] else 0.0),
        "rows_behind_lookback": dg.MetadataValue.int(int(total[3])),
        "files_behind_lookback": dg.MetadataValue.int(total[4]),
        "max_days_late": dg.MetadataValue.int(int(total[5])),
        "late_by_source": dg.MetadataValue.md(table),
        "files_behind_lookback_list": dg.MetadataValue.md(
            "Files that arrived behind the lookback (missing from fct_touchpoints/fct_sessions until a full "
            "refresh, docs/runbook.md):\n\n| source | export date | file | rows |\n|---|---|---|--:|\n"
            + "\n".join(f"| {s} | {d} | {f} | {n:,} |" for s, d, f, n in beyond)
            if beyond else "None: every export arrived within the lookback."),
    }


def identity_figures(con, started_at: dt.datetime, docs_dir: str) -> dict[str, Any]:
    """Customers, clusters, this run's merges and splits, the largest cluster and a size histogram."""
    sizes = cluster_sizes(con)
    customers = con.execute("select count(*) from marts.dim_customers").fetchone()[0]
    changes = dict(con.execute(
        "select change_kind, count(*) from marts.customer_id_changes where changed_at >= ? group by 1",
        [started_at - dt.timedelta(seconds=5)],
    ).fetchall())
    largest = largest_clusters(con, limit=1, shown=5)
    histogram = list(sizes["cluster_size_histogram"].items())
    png = png_bar_chart([label for label, _ in histogram], [n for _, n in histogram],
                        "clusters by number of identifiers", "clusters")
    chart = write_chart(Path(docs_dir) / "metadata" / "identity_cluster_sizes.png", png)
    return {
        "customers": dg.MetadataValue.int(int(customers)),
        "clusters": dg.MetadataValue.int(sizes["clusters"]),
        "merges_this_run": dg.MetadataValue.int(int(changes.get("merge", 0))),
        "splits_this_run": dg.MetadataValue.int(int(changes.get("split", 0))),
        "largest_cluster_size": dg.MetadataValue.int(sizes["max_cluster_size"]),
        "largest_cluster": dg.MetadataValue.json(largest[0] if largest else {}),
        "cluster_size_histogram": dg.MetadataValue.md(
            md_bar_table(["identifiers per cluster", "clusters"], histogram) + "\n\n" + md_image(png, "cluster sizes")),
        "cluster_size_chart": dg.MetadataValue.path(str(chart)),
    }
