"""Erasure after dbt: the asset `audit/erasures` (customer360/privacy/erasure.py) takes an erased person
out of raw, the quarantine, every derived table, the landing folder (listed, or rewritten with
C360_ERASE_LANDING=1) and the bytes of the warehouse file; publish waits for it and drops the rollback
copy built before an erasure. Everything it logs or reports is a count or a landing file's path (export
files are named by source, entity and date)."""

import dagster as dg

from customer360.privacy import apply_erasures
from customer360.settings import Settings
from orchestration.resources import DUCKDB_POOL

ERASURES_KEY = dg.AssetKey(["audit", "erasures"])
READS = [["intermediate", "int_privacy__erased_raw_rows"], ["intermediate", "int_privacy__erased_quarantine_rows"],
         ["intermediate", "int_identity__erased_identifiers"], ["intermediate", "int_identity__erasures"]]
FILES_SHOWN = 200


@dg.asset(
    key=ERASURES_KEY,
    deps=READS,
    group_name="privacy",
    kinds={"duckdb", "python"},
    pool=DUCKDB_POOL,
    description=(
        "Erasure reaches everything the project writes: the erased persons' identifiers into the ledger "
        "(hashed), their raw rows out (addresses kept in audit.erased_rows), their quarantine rows redacted, "
        "every staging, intermediate and mart row holding them deleted, their landing files listed (or "
        "rewritten with C360_ERASE_LANDING=1), the warehouse file rewritten. docs/privacy.md."
    ),
)
def erasures(context: dg.AssetExecutionContext, settings: dg.ResourceParam[Settings]):
    result = apply_erasures(settings, run_id=context.run.run_id)
    files = result.landing_files
    shown = [(f.source_file, "whole file" if f.whole_file else len(f.lines),
              "rewritten" if f.rewritten else "listed") for f in files[:FILES_SHOWN]]
    if result.changed:
        context.log.info(
            f"erasure: {result.customers} customer(s), {result.identifiers_new} identifier(s) erased for the first "
            f"time; {sum(result.raw_rows.values())} raw row(s) deleted, {result.quarantine_rows} quarantine row(s) "
            f"redacted, {sum(result.derived_rows.values())} derived row(s) deleted; {len(files)} landing file(s) "
            f"{'rewritten' if settings.erase_landing else 'to review (C360_ERASE_LANDING=1 rewrites them)'}; "
            f"warehouse rewritten in {result.compact_seconds} s")
    return dg.MaterializeResult(metadata={
        "customers_erased": dg.MetadataValue.int(result.customers),
        "identifiers_erased_first_time": dg.MetadataValue.int(result.identifiers_new),
        "raw_rows_deleted": dg.MetadataValue.int(sum(result.raw_rows.values())),
        "raw_rows_by_table": dg.MetadataValue.md(_table(result.raw_rows)),
        "quarantine_rows_redacted": dg.MetadataValue.int(result.quarantine_rows),
        "derived_rows_deleted": dg.MetadataValue.int(sum(result.derived_rows.values())),
        "derived_rows_by_table": dg.MetadataValue.md(_table(result.derived_rows)),
        "landing_files": dg.MetadataValue.int(len(files)),
        "landing_files_list": dg.MetadataValue.md(
            "| file | rows | |\n|---|--:|---|\n" + "\n".join(f"| {p} | {n} | {what} |" for p, n, what in shown)
            if shown else "No landing file holds an erased person."),
        "landing_rewritten": dg.MetadataValue.bool(settings.erase_landing),
        "warehouse_rewritten_seconds": dg.MetadataValue.float(result.compact_seconds or 0.0),
    })


def _table(counts: dict[str, int]) -> str:
    if not counts:
        return "None."
    return "| table | rows |\n|---|--:|\n" + "\n".join(f"| {t} | {n:,} |" for t, n in sorted(counts.items()))


def build_privacy_definitions() -> dg.Definitions:
    return dg.Definitions(assets=[erasures])
