"""Asset checks on the public marts: one GX suite per mart (orchestration/quality/mart_suites.py).

Per mart, up to two checks from one validation of the suite:
- ``mart_suite`` (blocking, ERROR): the suite's blocking expectations (impossible figures, business
  rules, consent and erasure). Blocking in Dagster's sense too: everything downstream of the mart in
  the run, publish included, waits for it and does not run when it fails.
- ``mart_suite_warnings`` (WARN): the suite's warning expectations (plausibility, distributions).

All of them are one subsettable multi-asset check, so Dagster runs them in as few steps as the graph
allows (one per stage of the build: marts before the CLV fit, the CLV tables, marts after it) and
GX is imported once per step. Each check reports rows and batches validated, failed expectations,
unexpected counts, sample values (for rule columns: the offending keys) and the Data Docs page of
the run (under DOCS_DIR/marts).
"""


import os
from functools import cache

import dagster as dg
import duckdb

from orchestration.quality.mart_suites import SUITES, MartSuite
from orchestration.resources import Warehouse

POOL = "duckdb"
MART_SUITE, MART_WARNINGS = "mart_suite", "mart_suite_warnings"
RUNBOOK = "docs/runbook.md#mart-suites"


@cache
def _validator(docs_dir: str):
    """One GX context per process and docs folder (GX is imported here, not when definitions load)."""
    from orchestration.quality.mart_suites import MartValidator

    return MartValidator(docs_dir=os.path.join(docs_dir, "marts"))


def mart_key(suite: MartSuite) -> dg.AssetKey:
    return dg.AssetKey(["marts", suite.table])


def _specs(suite: MartSuite) -> list[dg.AssetCheckSpec]:
    from_suite = suite.severities
    specs = [dg.AssetCheckSpec(MART_SUITE, asset=mart_key(suite), blocking=True,
                               description=f"GX (blocking): {suite.description}")]
    if "warning" in from_suite:
        specs.append(dg.AssetCheckSpec(MART_WARNINGS, asset=mart_key(suite),
                                       description=f"GX (warning): plausibility and distributions of {suite.table}."))
    return specs


def check_metadata(validation, check: dict) -> dict:
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
        "runbook": dg.MetadataValue.text(RUNBOOK),
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
    return f"marts.{suite.table}: {m['failed']} expectation(s) failed: {failed}. See {RUNBOOK}."


def _selected_suites(context) -> list[MartSuite]:
    selected = {key.asset_key for key in context.selected_asset_check_keys}
    return [s for s in SUITES if mart_key(s) in selected]


@dg.multi_asset_check(
    name="mart_suites",
    specs=[spec for suite in SUITES for spec in _specs(suite)],
    pool=POOL,
    can_subset=True,
    description="GX suites of the public marts, validated in bounded batches (orchestration/quality/mart_suites.py).",
)
def mart_suites(context: dg.AssetCheckExecutionContext, warehouse: Warehouse):
    selected = context.selected_asset_check_keys
    run = context.run.run_id[:8]
    with warehouse.connect(read_only=True) as con:
        for suite in _selected_suites(context):
            key = mart_key(suite)
            try:
                validation = _validator(warehouse.docs_dir).validate_mart(con, suite, run_name=f"{run}-{suite.table}")
            except duckdb.CatalogException as error:  # the mart was never built: nothing to vouch for
                for name in (MART_SUITE, MART_WARNINGS):
                    if dg.AssetCheckKey(key, name) in selected:
                        yield dg.AssetCheckResult(
                            asset_key=key, check_name=name, passed=False,
                            severity=dg.AssetCheckSeverity.ERROR if name == MART_SUITE else dg.AssetCheckSeverity.WARN,
                            description=f"marts.{suite.table} could not be read: {str(error).splitlines()[0]}",
                        )
                continue
            for name, severity, level in ((MART_SUITE, "blocking", dg.AssetCheckSeverity.ERROR),
                                          (MART_WARNINGS, "warning", dg.AssetCheckSeverity.WARN)):
                if dg.AssetCheckKey(key, name) not in selected or severity not in validation.checks:
                    continue
                check = validation.checks[severity]
                yield dg.AssetCheckResult(
                    asset_key=key, check_name=name, passed=check["passed"], severity=level,
                    description=_describe(suite, check), metadata=check_metadata(validation, check),
                )


mart_checks: list[dg.AssetChecksDefinition] = [mart_suites]
