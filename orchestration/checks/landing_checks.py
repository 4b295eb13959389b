"""Asset checks on the raw landing tables: GX suites per export day, and the quarantine rate.

Per raw table, one multi-asset check with three checks:
- ``landing_contract`` (blocking, ERROR): the GX expectations of severity "blocking" (columns,
  required values, enum values, types, key uniqueness);
- ``landing_ranges`` (WARN): the "warning" expectations (min/max ranges, row count against the
  previous export day);
- ``quarantine_rate`` (WARN): quarantined rows / landed rows of the days at most 2 %, and no file
  rejected whole (its rows never landed, so no rate can show them).

Asset checks are not partitioned: a check validates the export days of the run that materialised
the table (every day of a backfill range, the latest MAX_DAYS_VALIDATED of them for GX), or the
latest export day in the table when run on its own, and reports the worst day.
"""


import os
from functools import cache

import dagster as dg

from orchestration.landing.contract import ENTITIES, Entity
from orchestration.resources import Warehouse

POOL = "duckdb"
QUARANTINE_RATE_THRESHOLD = 0.02
MAX_DAYS_VALIDATED = int(os.environ.get("C360_GX_MAX_DAYS", "7"))
CONTRACT, RANGES, QUARANTINE_RATE = "landing_contract", "landing_ranges", "quarantine_rate"


@cache
def _validator(docs_dir: str):
    """One GX context per process and docs folder (GX is imported here, not when definitions load)."""
    from orchestration.quality.landing_suites import LandingValidator

    return LandingValidator(docs_dir=os.path.join(docs_dir, "landing"))


def run_partition_days(context) -> list[str] | None:
    """The export days (partition keys) of the run the check runs in; None in an unpartitioned run."""
    try:
        if context.has_partition_key or context.has_partition_key_range:
            return sorted(context.partition_keys)
    except (dg.DagsterInvariantViolationError, dg.DagsterInvalidPropertyError, AttributeError):
        pass
    return None


def check_days(context, con, entity: Entity) -> list[str]:
    """Export days to check: the run's partition keys, else the latest export day in the table."""
    days = run_partition_days(context)
    if days is not None:
        return days
    (latest,) = con.execute(f"select max(_export_date)::varchar from raw.{entity.table}").fetchone()
    return [latest] if latest else []


def quarantine_summary(con, entity: Entity, days: list[str]) -> dict:
    """Loaded/quarantined row counts of some export days, the top reasons and the rejected files."""
    if not days:
        return {"loaded": 0, "quarantined": 0, "rate": 0.0, "reasons": [], "rejected_files": []}
    placeholders = ", ".join("?" for _ in days)
    (loaded,) = con.execute(
        f"select count(*) from raw.{entity.table} where _export_date in ({placeholders})", days
    ).fetchone()
    of_entity = f"source = ? and entity = ? and export_date in ({placeholders})"
    reasons = con.execute(
        f"""select reason, count(*) from raw.quarantine where {of_entity} and line_number is not null
            group by 1 order by 2 desc, 1""",
        [entity.source, entity.name, *days],
    ).fetchall()
    rejected = con.execute(
        f"""select export_date::varchar, source_file, reason from raw.quarantine
            where {of_entity} and line_number is null order by 1, 2""",
        [entity.source, entity.name, *days],
    ).fetchall()
    quarantined = sum(n for _, n in reasons)
    landed = loaded + quarantined
    return {"loaded": loaded, "quarantined": quarantined, "rate": quarantined / landed if landed else 0.0,
            "reasons": reasons[:5], "rejected_files": rejected}


def _worst(day_checks: list[tuple[str, dict]]) -> tuple[str, dict] | None:
    """The failing day with the most failed expectations (the latest on ties), else the latest day."""
    if not day_checks:
        return None
    failing = [dc for dc in day_checks if not dc[1]["passed"]]
    pool = failing or day_checks
    return max(pool, key=lambda dc: (dc[1]["metadata"]["failed"], dc[0]))


def _gx_metadata(day_checks: list[tuple[str, dict]], skipped: list[str], empty: list[str],
                 docs: dict[str, str]) -> dict:
    worst = _worst(day_checks)
    md: dict = {
        "days_validated": dg.MetadataValue.text(", ".join(d for d, _ in day_checks) or "none"),
        "days_failed": dg.MetadataValue.text(", ".join(d for d, c in day_checks if not c["passed"]) or "none"),
    }
    if skipped:
        md["days_not_validated"] = dg.MetadataValue.text(
            f"{len(skipped)} older day(s) of the run (only the latest {MAX_DAYS_VALIDATED} are validated): "
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


def build_landing_check(entity: Entity) -> dg.AssetChecksDefinition:
    key = dg.AssetKey(["raw", entity.table])
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
    ]

    @dg.multi_asset_check(name=f"landing_checks_{entity.table}", specs=specs, pool=POOL,
                          description=f"Landing checks of raw.{entity.table}.")
    def _checks(context: dg.AssetCheckExecutionContext, warehouse: Warehouse):
        from orchestration.quality.landing_suites import BLOCKING, WARNING, suite_result_to_check

        with warehouse.connect() as con:
            days = check_days(context, con, entity)
            validated, skipped = days[-MAX_DAYS_VALIDATED:], days[:-MAX_DAYS_VALIDATED]
            blocking_days, warning_days, empty, docs = [], [], [], {}
            validator = _validator(warehouse.docs_dir) if validated else None
            run = context.run.run_id[:8]
            for day in validated:
                (rows,) = con.execute(
                    f"select count(*) from raw.{entity.table} where _export_date = ?", [day]).fetchone()
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
        top, rejected = rate["reasons"], rate["rejected_files"]
        summary = f"{rate['rate']:.2%} of the landed rows quarantined (threshold {QUARANTINE_RATE_THRESHOLD:.0%})"
        if rejected:
            summary += f"; {len(rejected)} file(s) rejected whole"
        yield dg.AssetCheckResult(
            check_name=QUARANTINE_RATE, asset_key=key, severity=dg.AssetCheckSeverity.WARN,
            passed=rate["rate"] <= QUARANTINE_RATE_THRESHOLD and not rejected,
            description=summary,
            metadata={
                "export_dates": dg.MetadataValue.text(", ".join(days) if len(days) <= 7 else
                                                      f"{days[0]} .. {days[-1]} ({len(days)} days)"),
                "quarantine_rate": dg.MetadataValue.float(round(rate["rate"], 6)),
                "threshold": dg.MetadataValue.float(QUARANTINE_RATE_THRESHOLD),
                "rows_loaded": dg.MetadataValue.int(rate["loaded"]),
                "rows_quarantined": dg.MetadataValue.int(rate["quarantined"]),
                "top_reasons": dg.MetadataValue.md(
                    "\n".join(["| reason | rows |", "|---|---|"] + [f"| {r} | {n} |" for r, n in top])
                    if top else "No row quarantined."),
                "files_rejected": dg.MetadataValue.int(len(rejected)),
                "rejected_files": dg.MetadataValue.md(
                    "\n".join(["| export date | file | reason |", "|---|---|---|"]
                              + [f"| {d} | {f} | {r} |" for d, f, r in rejected[:50]])
                    if rejected else "No file rejected."),
            },
        )

    return _checks


@dg.asset_check(asset=dg.AssetKey(["raw", "unknown_exports"]), name="no_unknown_exports", pool=POOL,
                description="No export file of a source or entity outside the landing contract.")
def no_unknown_exports(context: dg.AssetCheckExecutionContext, warehouse: Warehouse) -> dg.AssetCheckResult:
    days = run_partition_days(context)  # None (run on its own): every export day
    with warehouse.connect() as con:
        where = "reason in ('unknown_source', 'unknown_entity')"
        params: list = []
        if days:
            where += f" and export_date in ({', '.join('?' for _ in days)})"
            params = days
        files = con.execute(
            f"select export_date::varchar, source_file, reason from raw.quarantine where {where} order by 1, 2",
            params,
        ).fetchall()
    return dg.AssetCheckResult(
        passed=not files, severity=dg.AssetCheckSeverity.WARN,
        description=f"{len(files)} export file(s) outside the landing contract" if files else None,
        metadata={
            "unknown_files": dg.MetadataValue.int(len(files)),
            "files": dg.MetadataValue.md("\n".join(["| export date | file | reason |", "|---|---|---|"]
                                                   + [f"| {d} | {f} | {r} |" for d, f, r in files[:50]])
                                         if files else "None."),
        },
    )


landing_checks: list[dg.AssetChecksDefinition] = [*(build_landing_check(e) for e in ENTITIES), no_unknown_exports]
