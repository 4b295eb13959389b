"""Ingest: export files -> raw.<source>__<entity>, and the checks on what landed.

- one multi-asset per source loads its export days (daily partitions; a range of days, a backfill,
  runs as one run: ``BackfillPolicy.single_run``);
- ``raw/unknown_exports`` quarantines files of sources or entities outside the landing contract;
- per raw table: GX suites of the export days just loaded (``landing_contract`` blocking,
  ``landing_ranges`` warning), the quarantine rate, and freshness against the other sources.

Asset checks are not partitioned: a check validates the export days of the run that materialised
the table (the latest ``gx_max_days`` of them for GX), or the latest export day in the table when run
on its own, and reports the worst day.
"""

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import dagster as dg
import duckdb

from customer360.landing import (
    LoadResult,
    discover,
    ensure_raw_tables,
    load_export_days,
    quarantine_unknown_exports,
)
from customer360.landing.contract import ENTITIES, SOURCES, Entity, entities_of
from customer360.landing.load import LoadOptions
from customer360.landing.quarantine import (
    PRIVACY_INPUTS,
    privacy_input_problems,
    quarantine_summary,
    rejected_rows,
)
from customer360.landing.unknown import list_unloaded_paths
from customer360.reporting import md_table, png_bar_chart, write_chart
from customer360.settings import Settings
from customer360.warehouse import connect
from orchestration.resources import DUCKDB_POOL

GROUP = "ingest"
DAYS_SHOWN = 60  # rows per export day: the latest days shown in the metadata table and chart
QUARANTINE_RATE_THRESHOLD = 0.02
CONTRACT, RANGES, QUARANTINE_RATE = "landing_contract", "landing_ranges", "quarantine_rate"
REJECTED_SHARE, PRIVACY_INPUT = "rejected_share", "privacy_input_complete"
UNKNOWN_EXPORTS_KEY = dg.AssetKey(["raw", "unknown_exports"])


def raw_key(entity: Entity) -> dg.AssetKey:
    return dg.AssetKey(["raw", entity.table])


def run_export_days(context) -> list[str] | None:
    """The export days (partition keys) of the run; None in an unpartitioned run (a check on its own)."""
    try:
        if context.has_partition_key or context.has_partition_key_range:
            return sorted(context.partition_keys)
    except (dg.DagsterInvariantViolationError, dg.DagsterInvalidPropertyError, AttributeError):
        pass
    return None


def _day_span(days: Sequence[str]) -> str:
    if not days:
        return "none"
    return days[0] if len(days) == 1 else f"{days[0]} .. {days[-1]} ({len(days)} days)"


# ------------------------------------------------------------------------------------------ assets


def _column_schema(entity: Entity) -> dg.TableSchema:
    def described(c) -> str | None:
        return " ".join(filter(None, [
            c.description,
            "required" if c.required else "",
            f"one of: {', '.join(c.values)}" if c.values else "",
            f"range {c.min if c.min is not None else ''}..{c.max if c.max is not None else ''}"
            if (c.min is not None or c.max is not None) else "",
            "PII" if c.pii else "",
        ])) or None

    return dg.TableSchema(columns=[dg.TableColumn(c.name, c.type.lower(), description=described(c))
                                   for c in entity.columns])


def _spec(entity: Entity) -> dg.AssetSpec:
    return dg.AssetSpec(
        raw_key(entity),
        group_name=GROUP,
        kinds={"duckdb"},
        description=(
            f"{entity.description} Loaded from landing/{entity.source}/{entity.name}/<export-date>*; "
            f"key ({', '.join(entity.key)}); rows breaking the contract go to raw.quarantine."
        ),
        metadata={"dagster/column_schema": _column_schema(entity), "dagster/table_name": f"raw.{entity.table}"},
    )


def day_metadata(result: LoadResult) -> dict[str, dg.MetadataValue]:
    """What loading one export day of an entity did: the metadata of that day's partition. A run over a
    range of days gives each partition its own figures, never the run's totals. Kept to what the day
    needs: a year of nine sources is thousands of partitions in the event log."""
    metadata = {"rows_loaded": dg.MetadataValue.int(result.rows_loaded)}
    if result.rows_quarantined:  # absent: none (a partition's event stays small enough for two per page)
        metadata["rows_quarantined"] = dg.MetadataValue.int(result.rows_quarantined)
    if result.quarantined_by_reason:
        metadata["quarantined_by_reason"] = dg.MetadataValue.md(md_table(
            ["reason", "rows"], Counter(result.quarantined_by_reason).most_common(), "", "see raw.quarantine"))
    if result.rejected_files:
        metadata["rejected_files"] = dg.MetadataValue.md(md_table(
            ["file", "reason", "detail"], [(f.relpath, f.reason, f.detail) for f in result.rejected_files], "",
            "see raw.quarantine"))
    return metadata


def run_summary(results: Sequence[LoadResult]) -> str:
    """One line for the run's log: what an entity's run loaded over all its days."""
    with_files = [r for r in results if r.files]
    return (f"{_day_span([r.export_date for r in with_files])}: {sum(r.rows_loaded for r in with_files):,} loaded, "
            f"{sum(r.rows_quarantined for r in with_files):,} quarantined, "
            f"{sum(r.files_rejected for r in with_files)} file(s) rejected")


def rows_by_export_day(con, entity: Entity, run_days: Sequence[str], docs_dir: Path) -> dict[str, dg.MetadataValue]:
    """Rows the raw table holds per export day (the latest DAYS_SHOWN days), this run's days marked:
    a source that sent half its usual volume, or nothing, shows as a short or missing bar."""
    counts = con.execute(f"""
        select cast(_export_date as varchar) as export_date, count(*) as n
        from raw.{entity.table}
        group by 1 order by 1 desc limit {DAYS_SHOWN}
    """).fetchall()[::-1]
    if not counts:
        return {"rows_by_export_day": dg.MetadataValue.md("No rows loaded yet.")}
    in_run = set(run_days)
    top = max(n for _, n in counts)
    table = "\n".join([
        f"Rows of raw.{entity.table} per export day (latest {len(counts)}; ◀ loaded by this run):", "",
        "| export date | rows | |", "|---|--:|---|",
        *(f"| {day}{' ◀' if day in in_run else ''} | {n:,} | {'█' * max(1, round(24 * n / top))} |"
          for day, n in counts),
    ])
    png = png_bar_chart([d for d, _ in counts], [n for _, n in counts], f"raw.{entity.table}: rows per export day",
                        "rows")
    chart = write_chart(docs_dir / "metadata" / "raw" / f"{entity.table}_rows_by_export_day.png", png)
    total = sum(n for _, n in counts) if len(counts) < DAYS_SHOWN else con.execute(
        f"select count(*) from raw.{entity.table}").fetchone()[0]
    return {
        "rows_in_table": dg.MetadataValue.int(total),
        # the bars of the table are the chart; the PNG is a file (inline, 19 of them were 0.6 MB of the event log)
        "rows_by_export_day": dg.MetadataValue.md(table),
        "rows_by_export_day_chart": dg.MetadataValue.path(str(chart)),
    }


def build_ingest_asset(source: str, partitions: dg.PartitionsDefinition) -> dg.AssetsDefinition:
    """The multi-asset loading every entity of one source for the run's export days."""
    entities = entities_of(source)

    @dg.multi_asset(
        name=f"ingest_{source}",
        specs=[_spec(e) for e in entities],
        partitions_def=partitions,
        backfill_policy=dg.BackfillPolicy.single_run(),
        pool=DUCKDB_POOL,
        can_subset=False,
        description=f"Load the {source} exports of the run's export days into raw (replacing those days).",
    )
    def _ingest(context: dg.AssetExecutionContext, settings: dg.ResourceParam[Settings]):
        days = run_export_days(context) or []
        found = discover(settings.landing_dir, days)
        strays = [u for u in found.unknown if u.file.source == source]
        if strays:
            context.log.warning(
                f"{len(strays)} {source} export file(s) of an entity not in the contract "
                f"(quarantined by raw/unknown_exports): {', '.join(u.file.relpath for u in strays[:10])}"
            )
        with connect(settings) as con:
            ensure_raw_tables(con)
            for entity in entities:
                results = load_export_days(
                    con, entity, {day: found.for_table(entity.table, day) for day in days}, settings.landing_dir,
                    max_batch_bytes=settings.ingest_batch_bytes, workers=settings.ingest_workers,
                    options=LoadOptions.from_settings(settings))
                # one line per entity, not per day: a year's backfill would log thousands (each day's
                # figures are the metadata of its partition)
                context.log.info(f"raw.{entity.table} {run_summary(results)}")
                for result in results:
                    for f in result.rejected_files:
                        context.log.warning(
                            f"raw.{entity.table} {result.export_date}: rejected {f.relpath}: {f.reason}: {f.detail}")
                    context.add_asset_metadata(day_metadata(result), asset_key=raw_key(entity),
                                               partition_key=result.export_date)
                if days:  # the table as a whole, after this run: on the latest day's partition only
                    context.add_asset_metadata(rows_by_export_day(con, entity, days, settings.docs_dir),
                                               asset_key=raw_key(entity), partition_key=days[-1])
                yield dg.MaterializeResult(asset_key=raw_key(entity))

    return _ingest


def build_unknown_exports_asset(partitions: dg.PartitionsDefinition) -> dg.AssetsDefinition:
    @dg.asset(
        key=UNKNOWN_EXPORTS_KEY,
        group_name=GROUP,
        kinds={"duckdb"},
        partitions_def=partitions,
        backfill_policy=dg.BackfillPolicy.single_run(),
        pool=DUCKDB_POOL,
        description=(
            "Every path in the landing folder that is not loaded, with its reason, in raw.unknown_exports "
            "(exports of a source or entity outside the contract, names without an export date, other "
            "suffixes, wrong depth, hidden files and markers); the unknown exports also get a row in "
            "raw.quarantine. Nothing under the landing folder vanishes."
        ),
    )
    def unknown_exports(context: dg.AssetExecutionContext, settings: dg.ResourceParam[Settings]):
        days = run_export_days(context) or []
        everything = discover(settings.landing_dir)  # the listing covers the whole folder, not only the run's days
        with connect(settings) as con:
            ensure_raw_tables(con)
            for day in days:
                quarantine_unknown_exports(con, day, [u for u in everything.unknown if u.file.export_date == day])
            listed = list_unloaded_paths(con, settings.landing_dir, everything)
        by_reason = Counter(reason for _, reason, _ in listed)
        if listed:
            context.log.warning(
                f"{len(listed)} path(s) in the landing folder are not loaded ("
                + ", ".join(f"{n} {reason}" for reason, n in by_reason.most_common())
                + "): see raw.unknown_exports and the check no_unknown_exports")
        for day in days:  # each export day's own unknown exports, on its partition (none: no metadata)
            theirs = [u for u in everything.unknown if u.file.export_date == day]
            if theirs:
                context.add_asset_metadata({
                    "unknown_files": dg.MetadataValue.int(len(theirs)),
                    "files": dg.MetadataValue.md(md_table(["file", "reason"], [(u.file.relpath, u.reason) for u in theirs])),
                }, partition_key=day)
        if days:  # the listing covers the whole folder, so it belongs to no day: on the latest day's partition
            context.add_asset_metadata({
                "paths_not_loaded": dg.MetadataValue.int(len(listed)),
                "not_loaded_by_reason": dg.MetadataValue.md(md_table(["reason", "paths"], by_reason.most_common())),
                "paths": dg.MetadataValue.md(md_table(["path", "reason", "export date"], listed[:200],
                                                      "Every path of the landing folder is loaded.",
                                                      "see raw.unknown_exports")),
            }, partition_key=days[-1])
        return dg.MaterializeResult()

    return unknown_exports


# ------------------------------------------------------------------------------ landing checks (GX)


@cache
def _validator(docs_dir: Path):
    """One GX context per process and docs folder (GX is imported here, not when definitions load)."""
    from customer360.quality.landing_suites import LandingValidator

    return LandingValidator(docs_dir=docs_dir / "landing")


def _check_days(context, con, entity: Entity) -> list[str]:
    """Export days to check: the run's partition keys, else the latest export day in the table."""
    days = run_export_days(context)
    if days is not None:
        return days
    (latest,) = con.execute(f"select max(_export_date)::varchar from raw.{entity.table}").fetchone()
    return [latest] if latest else []


def _worst(day_checks: list[tuple[str, dict]]) -> tuple[str, dict] | None:
    """The failing day with the most failed expectations (the latest on ties), else the latest day."""
    if not day_checks:
        return None
    failing = [dc for dc in day_checks if not dc[1]["passed"]]
    return max(failing or day_checks, key=lambda dc: (dc[1]["metadata"]["failed"], dc[0]))


def _gx_metadata(day_checks: list[tuple[str, dict]], skipped: list[str], empty: list[str],
                 docs: dict[str, str]) -> dict:
    worst = _worst(day_checks)
    md: dict = {
        "days_validated": dg.MetadataValue.text(", ".join(d for d, _ in day_checks) or "none"),
        "days_failed": dg.MetadataValue.text(", ".join(d for d, c in day_checks if not c["passed"]) or "none"),
    }
    if skipped:
        md["days_not_validated"] = dg.MetadataValue.text(
            f"{len(skipped)} older day(s) of the run (only the latest days are validated, C360_GX_MAX_DAYS): "
            f"{skipped[0]} .. {skipped[-1]}")
    if empty:
        md["days_without_rows"] = dg.MetadataValue.text(", ".join(empty))
    if worst:
        day, check = worst
        m = check["metadata"]
        md.update({
            "worst_day": dg.MetadataValue.text(day),
            "success_percent": dg.MetadataValue.float(m["success_percent"]),
            "failed_expectations": dg.MetadataValue.json(m["failed_expectations"]),
            "unexpected_counts": dg.MetadataValue.json(m["unexpected_counts"]),
            "samples": dg.MetadataValue.json(m["samples"]),
            "observed": dg.MetadataValue.json(m["observed"]),
        })
        if day in docs:
            md["data_docs"] = dg.MetadataValue.path(docs[day])
    return md


def _quarantine_rate_result(key: dg.AssetKey, days: list[str], rate: dict) -> dg.AssetCheckResult:
    top, rejected = rate["reasons"], rate["rejected_files"]
    summary = f"{rate['rate']:.2%} of the landed rows quarantined (threshold {QUARANTINE_RATE_THRESHOLD:.0%})"
    if rejected:
        summary += f"; {len(rejected)} file(s) rejected whole"
    return dg.AssetCheckResult(
        check_name=QUARANTINE_RATE, asset_key=key, severity=dg.AssetCheckSeverity.WARN,
        passed=rate["rate"] <= QUARANTINE_RATE_THRESHOLD and not rejected,
        description=summary,
        metadata={
            "export_dates": dg.MetadataValue.text(", ".join(days) if len(days) <= 7 else _day_span(days)),
            "quarantine_rate": dg.MetadataValue.float(round(rate["rate"], 6)),
            "threshold": dg.MetadataValue.float(QUARANTINE_RATE_THRESHOLD),
            "rows_loaded": dg.MetadataValue.int(rate["loaded"]),
            "rows_quarantined": dg.MetadataValue.int(rate["quarantined"]),
            "top_reasons": dg.MetadataValue.md(md_table(["reason", "rows"], top, "No row quarantined.")),
            "files_rejected": dg.MetadataValue.int(len(rejected)),
            "rejected_files": dg.MetadataValue.md(
                md_table(["export date", "file", "reason"], rejected, "No file rejected.", "see raw.quarantine")),
        },
    )


def _rejected_share_result(key: dg.AssetKey, entity: Entity, days: list[str], share: dict,
                           limit: float) -> dg.AssetCheckResult:
    """ERROR severity without blocking the run: dbt still builds, publish refuses (its veto)."""
    passed = share["share"] <= limit
    return dg.AssetCheckResult(
        check_name=REJECTED_SHARE, asset_key=key, severity=dg.AssetCheckSeverity.ERROR, passed=passed,
        description=None if passed else (
            f"{share['share']:.1%} of the rows raw.{entity.table} received for {_day_span(days)} were in files "
            f"rejected whole (limit {limit:.0%}, C360_MAX_REJECTED_SHARE): not published until the files are "
            "fixed and the days replayed (docs/runbook.md#rejected_share)"),
        metadata={
            "rows_in_rejected_files": dg.MetadataValue.int(share["rejected_rows"]),
            "rows_landed": dg.MetadataValue.int(share["landed_rows"]),
            "share": dg.MetadataValue.float(round(share["share"], 6)),
            "limit": dg.MetadataValue.float(limit),
            "rejected_files": dg.MetadataValue.md(md_table(
                ["export date", "file", "reason", "rows"], share["files"], "No file rejected.", "see raw.quarantine")),
        },
    )


def _privacy_input_result(key: dg.AssetKey, entity: Entity, problems: list[tuple]) -> dg.AssetCheckResult:
    by_reason = Counter(reason for *_, reason in problems)
    return dg.AssetCheckResult(
        check_name=PRIVACY_INPUT, asset_key=key, severity=dg.AssetCheckSeverity.ERROR, passed=not problems,
        description=None if not problems else (
            f"{len(problems)} {entity.name.replace('_', ' ')} row(s) or file(s) quarantined: a lost request is a person "
            "not erased or contacted without consent, so nothing is published until the export is fixed and its "
            "day replayed (docs/runbook.md#privacy_input_complete)"),
        metadata={
            "quarantined": dg.MetadataValue.int(len(problems)),
            "by_reason": dg.MetadataValue.md(md_table(["reason", "rows or files"], by_reason.most_common())),
            "where": dg.MetadataValue.md(md_table(
                ["export date", "file", "line", "reason"],
                [(d, f, "whole file" if ln is None else ln, r) for d, f, ln, r in problems[:50]],
                "Nothing quarantined.", "see raw.quarantine")),
        },
    )


def build_landing_check(entity: Entity) -> dg.AssetChecksDefinition:
    key = raw_key(entity)
    privacy_input = entity.table in PRIVACY_INPUTS
    specs = [
        dg.AssetCheckSpec(CONTRACT, asset=key, blocking=True,
                          description="GX: columns exist, required values present, enum values and types as in "
                                      "the contract, key unique per export day."),
        dg.AssetCheckSpec(RANGES, asset=key,
                          description="GX: values within the contract's ranges; row count within 3x of the "
                                      "previous export day."),
        dg.AssetCheckSpec(QUARANTINE_RATE, asset=key,
                          description=f"At most {QUARANTINE_RATE_THRESHOLD:.0%} of the landed rows quarantined, "
                                      "and no export file rejected whole."),
        # ERROR without blocking the run: it runs in this op, which dbt waits for (landing_contract
        # blocks), so publish's veto always sees it; dbt and the erasure still run.
        dg.AssetCheckSpec(REJECTED_SHARE, asset=key,
                          description="The rows in files rejected whole stay under C360_MAX_REJECTED_SHARE of what "
                                      "the table received in the run's export days; above it publish is refused."),
    ]
    if privacy_input:
        specs.append(dg.AssetCheckSpec(
            PRIVACY_INPUT, asset=key,
            description="No row or file of this privacy input quarantined (any export day, duplicates aside): "
                        "otherwise publish is refused, the serving file keeps its last good state."))

    @dg.multi_asset_check(name=f"landing_checks_{entity.table}", specs=specs, pool=DUCKDB_POOL,
                          description=f"Landing checks of raw.{entity.table}.")
    def _checks(context: dg.AssetCheckExecutionContext, settings: dg.ResourceParam[Settings]):
        from customer360.quality.landing_suites import BLOCKING, WARNING, suite_result_to_check

        with connect(settings) as con:
            days = _check_days(context, con, entity)
            keep = settings.gx_max_days
            validated, skipped = days[-keep:], days[:-keep]
            blocking_days, warning_days, empty, docs = [], [], [], {}
            validator = _validator(settings.docs_dir) if validated else None
            run = context.run.run_id[:8]
            for day in validated:
                (rows,) = con.execute(f"select count(*) from raw.{entity.table} where _export_date = ?", [day]).fetchone()
                if rows == 0:
                    empty.append(day)
                    continue
                latest = day == validated[-1]  # Data Docs for the latest day and for failing days only:
                checked = validator.validate_export_day(con, entity, day, run_name=f"{run}-{day}", docs=latest)
                blocking = suite_result_to_check(checked.result, BLOCKING)
                warning = suite_result_to_check(checked.result, WARNING)
                if not latest and not (blocking["passed"] and warning["passed"]):  # rendering every day is slow
                    checked = validator.validate_export_day(con, entity, day, run_name=f"{run}-{day}")
                if checked.docs_path:
                    docs[day] = checked.docs_path
                blocking_days.append((day, blocking))
                warning_days.append((day, warning))
            rate = quarantine_summary(con, entity, days)
            share = rejected_rows(con, entity, days)
            problems = privacy_input_problems(con, entity) if privacy_input else []

        yield dg.AssetCheckResult(
            check_name=CONTRACT, asset_key=key, severity=dg.AssetCheckSeverity.ERROR,
            passed=all(c["passed"] for _, c in blocking_days),
            metadata=_gx_metadata(blocking_days, skipped, empty, docs),
        )
        yield dg.AssetCheckResult(
            check_name=RANGES, asset_key=key, severity=dg.AssetCheckSeverity.WARN,
            passed=all(c["passed"] for _, c in warning_days),
            metadata=_gx_metadata(warning_days, skipped, empty, docs),
        )
        yield _quarantine_rate_result(key, days, rate)
        yield _rejected_share_result(key, entity, days, share, settings.max_rejected_share)
        if privacy_input:
            yield _privacy_input_result(key, entity, problems)

    return _checks


@dg.asset_check(asset=UNKNOWN_EXPORTS_KEY, name="no_unknown_exports", pool=DUCKDB_POOL,
                description="Every path in the landing folder is loaded: none listed in raw.unknown_exports "
                            "(an export outside the contract, a name without an export date, another suffix, "
                            "a wrong depth, a hidden file or marker).")
def no_unknown_exports(settings: dg.ResourceParam[Settings]):
    with connect(settings) as con:
        ensure_raw_tables(con)
        listed = con.execute(
            "select path, reason, export_date::varchar from raw.unknown_exports order by reason, path").fetchall()
    by_reason = Counter(reason for _, reason, _ in listed)
    return dg.AssetCheckResult(
        passed=not listed, severity=dg.AssetCheckSeverity.WARN,
        description=(f"{len(listed)} path(s) in the landing folder not loaded: "
                     + ", ".join(f"{n} {reason}" for reason, n in by_reason.most_common())
                     + " (docs/runbook.md#no_unknown_exports)") if listed else None,
        metadata={"paths_not_loaded": dg.MetadataValue.int(len(listed)),
                  "unknown_files": dg.MetadataValue.int(sum(by_reason[r] for r in ("unknown_source", "unknown_entity"))),
                  "by_reason": dg.MetadataValue.md(md_table(["reason", "paths"], by_reason.most_common())),
                  "files": dg.MetadataValue.md(md_table(["path", "reason", "export date"], listed[:200]))},
    )


# ---------------------------------------------------------------------------------------- freshness


NOT_DELIVERED = "not delivered"


def freshness(latest_loaded: dt.date | None, newest_export: dt.date | None, delivered: bool,
              allowed_days: int) -> tuple[bool, str, int | None]:
    """(passed, status, lag in days) of one entity. Lag: how far its newest loaded export trails the
    newest export of any source. An entity that was never delivered (no export file, no row) is not
    part of this installation ("any subset of sources works"): reported as not delivered, not stale.
    One that was delivered but never loaded (every file rejected) is stale like one that stopped."""
    if not delivered and latest_loaded is None:
        return True, NOT_DELIVERED, None
    if newest_export is None:
        return True, "no exports yet", None
    if latest_loaded is None:
        return False, "stale", None
    lag = (newest_export - latest_loaded).days
    return lag <= allowed_days, "fresh" if lag <= allowed_days else "stale", lag


def build_freshness_check(entity: Entity) -> dg.AssetChecksDefinition:
    """A source that stopped sending shows yellow. Measured against the data's own clock (the newest export
    day in the landing folder, i.e. what the other sources did send), not the wall clock, so a replay
    of last year's exports is judged fairly and a silent source is caught the day the others move on.
    Sources never delivered are reported as such and pass."""

    @dg.asset_check(
        asset=raw_key(entity),
        name="fresh",
        description=f"Once {entity.source}/{entity.name} has been delivered, its newest export trails the newest "
                    f"export of any source by at most {entity.freshness_days} day(s); never delivered: reported "
                    "as not delivered.",
        pool=DUCKDB_POOL,
    )
    def fresh(settings: dg.ResourceParam[Settings]) -> dg.AssetCheckResult:
        found = discover(settings.landing_dir)
        dates = found.export_dates
        newest = dt.date.fromisoformat(dates[-1]) if dates else None
        delivered = entity.table in found.by_table()
        with connect(settings, read_only=True) as con:
            try:
                latest = con.execute(f"select max(_export_date) from raw.{entity.table}").fetchone()[0]
            except duckdb.CatalogException:
                latest = None
        passed, status, lag = freshness(latest, newest, delivered, entity.freshness_days)
        if status == NOT_DELIVERED:
            description = (f"{entity.source}/{entity.name}: not delivered (no export ever in the landing folder); "
                           "freshness is checked once it sends its first export.")
        elif not passed:
            description = (f"No {entity.source}/{entity.name} export loaded since {latest or 'ever'} while other "
                           f"sources sent {newest}: is the {entity.source} export job running? "
                           "(docs/runbook.md#fresh)")
        else:
            description = None
        return dg.AssetCheckResult(
            passed=passed,
            severity=dg.AssetCheckSeverity.WARN,
            description=description,
            metadata={
                "status": status,
                "latest_export_loaded": str(latest) if latest else "never",
                "newest_export_any_source": str(newest) if newest else "none",
                "lag_days": lag if lag is not None else -1,
                "allowed_days": entity.freshness_days,
            },
        )

    return fresh


# -------------------------------------------------------------------------------------------- wiring


def build_ingest_definitions(partitions: dg.PartitionsDefinition) -> dg.Definitions:
    return dg.Definitions(
        assets=[*(build_ingest_asset(source, partitions) for source in SOURCES),
                build_unknown_exports_asset(partitions)],
        asset_checks=[*(build_landing_check(e) for e in ENTITIES), no_unknown_exports,
                      *(build_freshness_check(e) for e in ENTITIES)],
    )
