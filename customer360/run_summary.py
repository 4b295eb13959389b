"""What a build produced, in figures an operator reads at the end of `make run` (no Dagster here).

- ``stage_of``: which stage of the build a Dagster step belongs to (the progress bars and stage times);
- ``warehouse_figures``: rows per layer and the top quarantine reasons, read from the warehouse;
- ``classify_checks`` / ``runbook_anchor``: check results as passed / warned / failed, each kind of
  check with its section of docs/runbook.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

# The stages of a build, in the order they run. simulate runs before Dagster (demo landing only).
STAGES = ("simulate", "ingest", "landing checks", "matcher", "dbt build", "warehouse checks", "CLV", "publish")
LAYERS = ("raw", "staging", "intermediate", "marts")
TOP_REASONS = 5


def stage_of(step_key: str) -> str:
    """The stage of a step of the build_warehouse job, from its step key."""
    if step_key.startswith("ingest_") or step_key == "raw__unknown_exports":
        return "ingest"
    if step_key.startswith("landing_checks_") or (step_key.startswith("raw__") and (
            step_key.endswith(("_fresh", "_no_unknown_exports")))):
        return "landing checks"
    if step_key.startswith("matcher"):
        return "matcher"
    if step_key == "warehouse_models":
        return "dbt build"
    if step_key.startswith("clv_fit"):
        return "CLV"
    if step_key.startswith("serving"):
        return "publish"
    return "warehouse checks"


# --------------------------------------------------------------------------------------- the runbook

RUNBOOK = "docs/runbook.md"
# check name -> its section in the runbook (<a id="..."> there); dbt's own tests share one section.
RUNBOOK_ANCHORS = {
    "landing_contract": "landing_contract",
    "landing_ranges": "landing_ranges",
    "quarantine_rate": "quarantine_rate",
    "no_unknown_exports": "no_unknown_exports",
    "rejected_share": "rejected_share",
    "privacy_input_complete": "privacy_input_complete",
    "fresh": "fresh",
    "identity_quality": "identity_quality",
    "no_runaway_cluster": "no_runaway_cluster",
    "match_links": "match_links",
    "link_quality": "link_quality",
    "clv_fit_healthy": "clv_fit_healthy",
    "late_exports": "late_exports",
    "incremental_batch": "incremental_batch",
    "mart_suite": "mart-suites",
    "mart_suite_warnings": "mart-suites",
    "publish": "publish",
}
DBT_TESTS_ANCHOR = "dbt-tests"


def runbook_anchor(check_name: str) -> str:
    """The runbook section of a check (a dbt test's is the section on dbt tests)."""
    return RUNBOOK_ANCHORS.get(check_name, DBT_TESTS_ANCHOR)


def runbook_link(check_name: str, base: str = RUNBOOK) -> str:
    return f"{base}#{runbook_anchor(check_name)}"


# ------------------------------------------------------------------------------------------- checks


@dataclass(frozen=True)
class CheckOutcome:
    asset: str  # e.g. raw/web__events
    name: str  # e.g. landing_ranges
    passed: bool
    blocking: bool  # severity ERROR: a failure stops publish
    description: str | None = None


@dataclass
class CheckTally:
    passed: int = 0
    failed: list[CheckOutcome] = field(default_factory=list)  # severity ERROR, did not pass
    warned: list[CheckOutcome] = field(default_factory=list)  # severity WARN, did not pass

    def groups(self) -> list[tuple[str, str, list[CheckOutcome]]]:
        """("failed" | "warned", check name, outcomes): failed first, then by number of assets."""
        out = []
        for kind, outcomes in (("failed", self.failed), ("warned", self.warned)):
            by_name: dict[str, list[CheckOutcome]] = {}
            for outcome in outcomes:
                by_name.setdefault(outcome.name, []).append(outcome)
            out += [(kind, name, sorted(group, key=lambda o: o.asset))
                    for name, group in sorted(by_name.items(), key=lambda item: (-len(item[1]), item[0]))]
        return out


def classify_checks(outcomes: Iterable[CheckOutcome]) -> CheckTally:
    """A failed blocking check is a failure; a failed warning check only a warning."""
    tally = CheckTally()
    for outcome in outcomes:
        if outcome.passed:
            tally.passed += 1
        elif outcome.blocking:
            tally.failed.append(outcome)
        else:
            tally.warned.append(outcome)
    return tally


# ---------------------------------------------------------------------------------------- warehouse


@dataclass
class WarehouseFigures:
    layers: list[tuple[str, int, int]]  # (schema, relations, rows)
    quarantined: int
    top_reasons: list[tuple[str, int]]  # (reason, rows), the most frequent first
    other_reasons: int  # rows quarantined for the reasons not shown


def warehouse_figures(warehouse: Path, top: int = TOP_REASONS) -> WarehouseFigures:
    """Rows per layer and the top quarantine reasons (reasons grouped by their kind, e.g.
    ``missing_required``, so the list stays short)."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        layers = []
        for schema in LAYERS:
            tables = [r[0] for r in con.execute(
                "select table_name from information_schema.tables where table_schema = ? order by 1", [schema]
            ).fetchall()]
            rows = sum(con.execute(f'select count(*) from {schema}."{t}"').fetchone()[0] for t in tables)
            layers.append((schema, len(tables), rows))
        try:
            reasons = con.execute("select reason, count(*) from raw.quarantine group by 1").fetchall()
        except duckdb.CatalogException:
            reasons = []
    kinds: Counter[str] = Counter()
    for reason, n in reasons:
        kinds[reason.split(":")[0]] += n
    shown = kinds.most_common(top)
    total = sum(kinds.values())
    return WarehouseFigures(layers=layers, quarantined=total, top_reasons=shown,
                            other_reasons=total - sum(n for _, n in shown))
