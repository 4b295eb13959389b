"""Checks of the built warehouse, after dbt: the marts' GX suites, identity quality, late exports.

(dbt's own tests are asset checks too: dagster-dbt reports them from the dbt build, transform.py.)

- ``mart_suite`` (blocking) / ``mart_suite_warnings`` per public mart: customer360/quality/mart_suites.py,
  relations resolved from dbt's manifest. Blocking in Dagster's sense: everything downstream of the
  mart in the run, publish included, waits for it and does not run when it fails.
- ``identity_quality`` (blocking): clustering against the simulator's ground truth, when there is one;
  ``no_runaway_cluster`` (blocking): no customer glued together from more identifiers than a person
  has. Both report the cluster profile (customers, clusters, this run's merges and splits, sizes),
  computed once.
- ``late_exports`` (warning): export files that arrived behind the incremental lookback.
- ``incremental_batch`` (warning) per incremental model: what this run processed (dbt's post-hook
  record_incremental_batch writes it to audit.incremental_batches); fails when an incremental run
  reprocessed the whole table.
"""

import datetime as dt
from functools import cache
from pathlib import Path

import dagster as dg
import duckdb

from customer360.clv.pipeline import OUTPUT_TABLES as CLV_TABLES
from customer360.dbt_artifacts import (
    Relation,
    incremental_models,
    manifest_path,
    model_relations,
    project_vars,
)
from customer360.identity.quality import cluster_profile, identity_quality, max_cluster_size_check
from customer360.quality.mart_suites import SUITES, MartSuite
from customer360.reporting import batch_summary, md_bar_table, md_image, md_table, png_bar_chart, write_chart
from customer360.settings import Settings
from customer360.warehouse import connect
from orchestration.resources import DUCKDB_POOL

DIM_CUSTOMERS = dg.AssetKey(["marts", "dim_customers"])
LATE_EVENTS = dg.AssetKey(["intermediate", "int_journey__late_events"])
MART_SUITE, MART_WARNINGS = "mart_suite", "mart_suite_warnings"
IDENTITY_QUALITY, RUNAWAY, LINK_QUALITY = "identity_quality", "no_runaway_cluster", "link_quality"
MART_RUNBOOK = "docs/runbook.md#mart-suites"


# -------------------------------------------------------------------------------------- mart suites


@cache
def _mart_validator(docs_dir: Path, manifest: Path, manifest_mtime: float, batch_rows: int):
    """One GX context per process, docs folder and manifest (GX is imported here, not when definitions load)."""
    from customer360.quality.mart_suites import MartValidator

    relations = {**model_relations(manifest), **CLV_TABLES}
    return MartValidator(relations, docs_dir=docs_dir / "marts", batch_rows=batch_rows)


def mart_key(suite: MartSuite) -> dg.AssetKey:
    return dg.AssetKey(["marts", suite.table])


def _mart_specs(suite: MartSuite) -> list[dg.AssetCheckSpec]:
    specs = [dg.AssetCheckSpec(MART_SUITE, asset=mart_key(suite), blocking=True,
                               description=f"GX (blocking): {suite.description}")]
    if "warning" in suite.severities:
        specs.append(dg.AssetCheckSpec(MART_WARNINGS, asset=mart_key(suite),
                                       description=f"GX (warning): plausibility and distributions of {suite.table}."))
    return specs


def mart_check_metadata(validation, check: dict) -> dict:
    """Metadata of one mart check from the folded GX outcome: what failed, how often, on what values."""
    m = check["metadata"]
    md = {
        "rows_validated": dg.MetadataValue.int(validation.rows),
        "batches": dg.MetadataValue.int(validation.batches),
        "expectations": dg.MetadataValue.int(m["evaluated"]),
        "success_percent": dg.MetadataValue.float(m["success_percent"]),
        "failed_expectations": dg.MetadataValue.json(m["failed_expectations"]),
        "unexpected_counts": dg.MetadataValue.json(m["unexpected_counts"]),
        "samples": dg.MetadataValue.json(m["samples"]),
        "observed": dg.MetadataValue.json(m["observed"]),
        "runbook": dg.MetadataValue.text(MART_RUNBOOK),
    }
    if validation.docs_path:
        md["data_docs"] = dg.MetadataValue.path(validation.docs_path)
    return md


def _describe(suite: MartSuite, check: dict) -> str | None:
    m = check["metadata"]
    if check["passed"]:
        return None
    counts = m["unexpected_counts"]
    failed = ", ".join(f"{label} ({counts[label]:,} rows)" if label in counts else label
                       for label in m["failed_expectations"])
    return f"marts.{suite.table}: {m['failed']} expectation(s) failed: {failed}. See {MART_RUNBOOK}."


def build_mart_suites_check(name: str, suites: list[MartSuite]) -> dg.AssetChecksDefinition:
    """One subsettable check op over some marts' suites: GX is imported once per step, not per mart."""

    @dg.multi_asset_check(
        name=name,
        specs=[spec for suite in suites for spec in _mart_specs(suite)],
        pool=DUCKDB_POOL,
        can_subset=True,
        description="GX suites of the public marts, validated in bounded batches (customer360/quality/mart_suites.py).",
    )
    def _suites(context: dg.AssetCheckExecutionContext, settings: dg.ResourceParam[Settings]):
        selected = context.selected_asset_check_keys
        manifest = manifest_path(settings.project_dir)
        validator = _mart_validator(settings.docs_dir, manifest, manifest.stat().st_mtime, settings.gx_batch_rows)
        run = context.run.run_id[:8]
        with connect(settings, read_only=True) as con:
            for suite in [s for s in suites if mart_key(s) in {k.asset_key for k in selected}]:
                yield from _validate(validator, con, suite, selected, run)

    return _suites


def _validate(validator, con, suite: MartSuite, selected, run: str):
    key = mart_key(suite)
    try:
        validation = validator.validate_mart(con, suite, run_name=f"{run}-{suite.table}")
    except duckdb.CatalogException as error:  # the mart was never built: nothing to vouch for
        for name in (MART_SUITE, MART_WARNINGS):
            if dg.AssetCheckKey(key, name) in selected:
                yield dg.AssetCheckResult(
                    asset_key=key, check_name=name, passed=False,
                    severity=dg.AssetCheckSeverity.ERROR if name == MART_SUITE else dg.AssetCheckSeverity.WARN,
                    description=f"marts.{suite.table} could not be read: {str(error).splitlines()[0]}",
                )
        return
    for name, severity, level in ((MART_SUITE, "blocking", dg.AssetCheckSeverity.ERROR),
                                  (MART_WARNINGS, "warning", dg.AssetCheckSeverity.WARN)):
        if dg.AssetCheckKey(key, name) not in selected or severity not in validation.checks:
            continue
        check = validation.checks[severity]
        yield dg.AssetCheckResult(
            asset_key=key, check_name=name, passed=check["passed"], severity=level,
            description=_describe(suite, check), metadata=mart_check_metadata(validation, check),
        )


# The CLV tables' suites are an op of their own: the CLV fit waits for the suites of the marts it reads,
# and one op both before and after it would be a cycle Dagster resolves by splitting ops (the dbt build
# included) into several steps.
mart_suites = build_mart_suites_check("mart_suites", [s for s in SUITES if s.table not in CLV_TABLES])
clv_suites = build_mart_suites_check("clv_suites", [s for s in SUITES if s.table in CLV_TABLES])


# ------------------------------------------------------------------------------------------ identity


def _run_started_at(context) -> dt.datetime:
    """When the run began (UTC, naive like the warehouse's timestamps); now when it cannot be told."""
    stats = context.instance.get_run_stats(context.run.run_id)
    started = stats.start_time if stats and stats.start_time else dt.datetime.now(dt.UTC).timestamp()
    return dt.datetime.fromtimestamp(started, dt.UTC).replace(tzinfo=None)


def identity_metadata(con, profile: dict, run_started_at: dt.datetime, docs_dir: Path) -> dict:
    """The cluster profile for the UI: customers, clusters, this run's merges and splits, sizes."""
    changes = dict(con.execute(
        "select change_kind, count(*) from marts.customer_id_changes where changed_at >= ? group by 1",
        [run_started_at - dt.timedelta(seconds=5)],
    ).fetchall())
    histogram = list(profile["cluster_size_histogram"].items())
    png = png_bar_chart([label for label, _ in histogram], [n for _, n in histogram],
                        "clusters by number of identifiers", "clusters")
    chart = write_chart(docs_dir / "metadata" / "identity_cluster_sizes.png", png)
    (published,) = con.execute("select count(*) from marts.dim_customers").fetchone()
    return {
        "customers": dg.MetadataValue.int(int(published)),  # as published: erased persons are not counted
        "clusters": dg.MetadataValue.int(profile["clusters"]),
        "merges_this_run": dg.MetadataValue.int(int(changes.get("merge", 0))),
        "splits_this_run": dg.MetadataValue.int(int(changes.get("split", 0))),
        "largest_cluster_size": dg.MetadataValue.int(profile["max_cluster_size"]),
        "largest_cluster": dg.MetadataValue.json(profile["largest_cluster"] or {}),
        "cluster_size_histogram": dg.MetadataValue.md(
            md_bar_table(["identifiers per cluster", "clusters"], histogram) + "\n\n"
            + md_image(png, "cluster sizes")),
        "cluster_size_chart": dg.MetadataValue.path(str(chart)),
    }


@dg.multi_asset_check(
    name="identity_checks",
    specs=[
        dg.AssetCheckSpec(IDENTITY_QUALITY, asset=DIM_CUSTOMERS, blocking=True,
                          description="Pairwise precision >= 0.995 and recall >= 0.98 (of the links the data "
                                      "carries) against the simulator's ground truth (a warning that nothing was "
                                      "measured on real exports)."),
        dg.AssetCheckSpec(LINK_QUALITY, asset=DIM_CUSTOMERS,
                          description="Against the simulator's ground truth, the probabilistic links: precision >= "
                                      "0.995 on the pairs they joined, recall >= 0.95 of planted duplicates, "
                                      "households merged <= 0.1% (a warning)."),
        dg.AssetCheckSpec(RUNAWAY, asset=DIM_CUSTOMERS, blocking=True,
                          description="No customer glued together from more identifiers than a person can have "
                                      "(dbt var identity_max_cluster_size)."),
    ],
    pool=DUCKDB_POOL,
    can_subset=True,
)
def identity_checks(context: dg.AssetCheckExecutionContext, settings: dg.ResourceParam[Settings]):
    selected = {key.name for key in context.selected_asset_check_keys}
    with connect(settings, read_only=True) as con:
        profile = cluster_profile(con)
        figures = identity_metadata(con, profile, _run_started_at(context), settings.docs_dir)
        truth = settings.truth_dir / "identifiers.parquet"
        quality = identity_quality(con, settings.truth_dir, profile=profile) if (
            selected & {IDENTITY_QUALITY, LINK_QUALITY} and truth.exists()) else None
        runaway = max_cluster_size_check(
            con, max_size=int(project_vars(settings.project_dir)["identity_max_cluster_size"]), profile=profile)

    if IDENTITY_QUALITY in selected and quality is None:
        yield dg.AssetCheckResult(
            check_name=IDENTITY_QUALITY, passed=True, severity=dg.AssetCheckSeverity.WARN, metadata=figures,
            description=f"No ground truth at {settings.truth_dir}: precision and recall not measured (real exports).",
        )
    elif IDENTITY_QUALITY in selected:
        yield dg.AssetCheckResult(
            check_name=IDENTITY_QUALITY,
            passed=bool(quality["passed"]),
            description="; ".join(quality["failures"]) or None,
            metadata={
                "precision": round(quality["precision"], 5),
                "recall_carried": round(quality["recall_carried"], 5),
                "recall_full_truth": round(quality.get("recall_full", float("nan")), 5),
                **{name: round(float(quality[name]), 5) for name in (
                    "precision_links", "recall_links", "recall_planted", "household_false_merge_rate")
                   if name in quality},
                **{name: int(quality[name]) for name in (
                    "pairs_joined_by_links", "planted_records", "households_merged", "twin_households",
                    "twin_households_merged") if name in quality},
                **figures,
            },
        )
    if LINK_QUALITY in selected:
        measured = quality is not None and "precision_links" in quality
        yield dg.AssetCheckResult(
            check_name=LINK_QUALITY, severity=dg.AssetCheckSeverity.WARN,
            passed=bool(quality["links_passed"]) if measured else True,
            description=("; ".join(quality["link_shortfalls"]) or None) if measured else
            "No ground truth: the probabilistic links were not measured (real exports).",
            metadata={name: round(float(quality[name]), 5) for name in (
                "precision_links", "recall_links", "recall_planted", "household_false_merge_rate")
                      if measured and name in quality} | {name: int(quality[name]) for name in (
                "pairs_joined_by_links", "planted_records", "households_merged", "twin_households",
                "twin_households_merged") if measured and name in quality},
        )
    if RUNAWAY in selected:
        yield dg.AssetCheckResult(
            check_name=RUNAWAY,
            passed=bool(runaway["passed"]),
            description=None if runaway["passed"] else (
                "A runaway merge: the hubs listed (hashed) are the identifiers gluing strangers together; find "
                "them and add them to seeds/identity_junk_blocklist.csv (docs/runbook.md#no_runaway_cluster)"),
            metadata={**{k: (dg.MetadataValue.json(v) if isinstance(v, (list, dict)) else v)
                         for k, v in runaway.items()}, **figures},
        )


# -------------------------------------------------------------------------------------- late exports


def late_export_metadata(con) -> tuple[int, dict]:
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
        order by loaded_at desc
    """).fetchall()
    top = max([r[1] for r in per_source] or [0])
    by_source = "\n".join([
        "| source | late rows | | rows behind the lookback | max days late |", "|---|--:|---|--:|--:|",
        *(f"| {s} | {late:,} | {'█' * max(1, round(24 * late / top)) if late else ''} | {gone:,} | {days} |"
          for s, late, gone, days in per_source),
    ])
    return total[4], {
        "export_files": dg.MetadataValue.int(total[0]),
        "late_rows": dg.MetadataValue.int(int(total[2])),
        "late_rate": dg.MetadataValue.float(round(total[2] / total[1], 6) if total[1] else 0.0),
        "rows_behind_lookback": dg.MetadataValue.int(int(total[3])),
        "files_behind_lookback": dg.MetadataValue.int(total[4]),
        "max_days_late": dg.MetadataValue.int(int(total[5])),
        "late_by_source": dg.MetadataValue.md(by_source),
        "files_behind_lookback_list": dg.MetadataValue.md(md_table(
            ["source", "export date", "file", "rows"], beyond, "None: every export arrived within the lookback.")),
    }


@dg.asset_check(asset=LATE_EVENTS, name="late_exports", pool=DUCKDB_POOL,
                description="No export file arrived more than late_event_lookback_days behind the newest export "
                            "of its entity (such rows miss fct_touchpoints/fct_sessions until a full refresh).")
def late_exports(settings: dg.ResourceParam[Settings]) -> dg.AssetCheckResult:
    with connect(settings, read_only=True) as con:
        behind, metadata = late_export_metadata(con)
    return dg.AssetCheckResult(
        passed=behind == 0, severity=dg.AssetCheckSeverity.WARN, metadata=metadata,
        description=None if not behind else (
            f"{behind} export file(s) arrived behind the lookback: their rows are missing from the journey "
            "facts until `dbt build --full-refresh --selector late_exports` (docs/runbook.md#late-exports)"),
    )


# ------------------------------------------------------------------------------ probabilistic links

MATCH_DECISIONS = dg.AssetKey(["intermediate", "int_identity__match_decisions"])
PROBABILITY_BANDS = ((0.5, 0.9), (0.9, 0.99), (0.99, 0.999), (0.999, 0.9999), (0.9999, 1.01))


def match_link_figures(con) -> tuple[dict[str, int], dict]:
    """Decisions by kind, pairs per probability band and decision, components by status."""
    decisions = dict(con.execute(
        "select decision, count(*) from intermediate.int_identity__match_decisions group by 1").fetchall())
    bands = con.execute(f"""
        select band, decision, count(*)
        from (
            select decision, case {" ".join(f"when match_probability >= {lo} and match_probability < {hi} "
                                            f"then '{lo}-{min(hi, 1)}'" for lo, hi in PROBABILITY_BANDS)}
                             else 'steward' end as band
            from intermediate.int_identity__match_decisions
        ) as banded
        group by all order by 1, 2
    """).fetchall()
    components = dict(con.execute(
        "select status, count(distinct component_node_id) from intermediate.int_identity__match_components "
        "group by 1").fetchall())
    return components, {
        "links": dg.MetadataValue.int(decisions.get("link", 0) + decisions.get("steward_link", 0)),
        "reviews": dg.MetadataValue.int(decisions.get("review", 0)),
        "decisions": dg.MetadataValue.md(md_table(["decision", "pairs"], sorted(decisions.items()),
                                                  "No pair of person records was scored (no model, or no names).")),
        "pairs_by_probability": dg.MetadataValue.md(md_table(["match probability", "decision", "pairs"], bands,
                                                             "No pair scored.")),
        "components": dg.MetadataValue.md(md_table(["status", "components"], sorted(components.items()),
                                                   "No link joined two customers.")),
        "customers_joined_by_links": dg.MetadataValue.int(components.get("merged", 0)),
    }


@dg.asset_check(asset=MATCH_DECISIONS, name="match_links", pool=DUCKDB_POOL,
                description="What the probabilistic matcher linked this run, by probability band; warns when a "
                            "link was left out by the cluster cap or did not settle.")
def match_links(settings: dg.ResourceParam[Settings]) -> dg.AssetCheckResult:
    with connect(settings, read_only=True) as con:
        components, metadata = match_link_figures(con)
    left_out = components.get("over_cluster_cap", 0) + components.get("not_converged", 0)
    return dg.AssetCheckResult(
        passed=left_out == 0, severity=dg.AssetCheckSeverity.WARN, metadata=metadata,
        description=None if not left_out else (
            f"{left_out} group(s) of customers that links would join were left apart (over the cluster cap or "
            "not settled): marts.identity_review_queue lists their pairs (docs/runbook.md#match_links)"),
    )


# ------------------------------------------------------------------------------ incremental batches


def latest_batches(con) -> dict[str, dict]:
    """Model -> the latest batch it recorded (audit.incremental_batches), empty before any dbt run."""
    try:
        rows = con.execute("""
            select model, mode, rows_processed, cast(export_date_min as varchar), cast(export_date_max as varchar),
                   export_days, rows_in_table, recorded_at
            from audit.incremental_batches
            qualify row_number() over (partition by model order by recorded_at desc) = 1
        """).fetchall()
    except duckdb.CatalogException:
        return {}
    names = ("model", "mode", "rows", "export_date_min", "export_date_max", "export_days", "rows_total", "recorded_at")
    return {row[0]: dict(zip(names, row, strict=True)) for row in rows}


def build_incremental_batch_check(models: list[Relation]) -> dg.AssetChecksDefinition:
    keys = {dg.AssetKey([m.schema, m.name]): m.name for m in models}

    @dg.multi_asset_check(
        name="incremental_batches",
        specs=[dg.AssetCheckSpec("incremental_batch", asset=key,
                                 description="What this run's dbt build processed of the model; fails when an "
                                             "incremental run reprocessed the whole table.") for key in keys],
        pool=DUCKDB_POOL,
        can_subset=True,
    )
    def incremental_batches(context: dg.AssetCheckExecutionContext, settings: dg.ResourceParam[Settings]):
        started = _run_started_at(context)
        with connect(settings, read_only=True) as con:
            batches = latest_batches(con)
        for check_key in context.selected_asset_check_keys:
            batch = batches.get(keys[check_key.asset_key])
            if batch is None or batch["recorded_at"] < started - dt.timedelta(seconds=5):
                yield dg.AssetCheckResult(asset_key=check_key.asset_key, check_name="incremental_batch", passed=True,
                                          description="Not built by this run.")
                continue
            whole = batch["mode"] == "incremental" and batch["rows"] >= batch["rows_total"] > 0
            metadata = {
                "incremental_mode": batch["mode"],
                "rows_processed": dg.MetadataValue.int(int(batch["rows"])),
                "rows_in_table": dg.MetadataValue.int(int(batch["rows_total"])),
                "processed": dg.MetadataValue.text(batch_summary(batch)),
            }
            if batch["export_date_min"]:
                metadata["processed_export_days"] = dg.MetadataValue.text(
                    f"{batch['export_date_min']} .. {batch['export_date_max']} ({batch['export_days']} days)")
            yield dg.AssetCheckResult(
                asset_key=check_key.asset_key, check_name="incremental_batch", passed=not whole,
                severity=dg.AssetCheckSeverity.WARN, metadata=metadata,
                description=None if not whole else "An incremental run reprocessed the whole table: a day's run "
                                                   "should cost a day's work (docs/runbook.md#incremental_batch)")

    return incremental_batches


def build_check_definitions(settings: Settings) -> dg.Definitions:
    """The checks of the built warehouse; the incremental models are read from dbt's manifest."""
    incremental = incremental_models(manifest_path(settings.project_dir))
    return dg.Definitions(asset_checks=[mart_suites, clv_suites, identity_checks, late_exports, match_links,
                                        build_incremental_batch_check(incremental)])
