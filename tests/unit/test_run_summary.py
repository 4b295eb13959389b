"""What make run's closing table and the alerts are made of: stages, check tallies, runbook sections."""

from __future__ import annotations

import re

from customer360.run_summary import (
    RUNBOOK_ANCHORS,
    CheckOutcome,
    classify_checks,
    runbook_anchor,
    stage_of,
)
from tests.warehouse import PROJECT_DIR


def test_steps_fall_into_the_stages_of_the_build():
    assert stage_of("ingest_shop") == stage_of("raw__unknown_exports") == "ingest"
    assert stage_of("landing_checks_shop__orders") == stage_of("raw__shop__orders_fresh") == "landing checks"
    assert stage_of("raw__unknown_exports_no_unknown_exports") == "landing checks"
    assert stage_of("warehouse_models") == "dbt build"
    assert stage_of("matcher__model") == "matcher"
    assert stage_of("clv_fit") == "CLV" and stage_of("serving__customer360") == "publish"
    assert stage_of("mart_suites") == stage_of("identity_checks") == "warehouse checks"


def test_a_failed_warning_is_a_warning_and_failures_come_first():
    tally = classify_checks([
        CheckOutcome("raw/a", "fresh", passed=False, blocking=False),
        CheckOutcome("raw/b", "fresh", passed=False, blocking=False),
        CheckOutcome("marts/x", "mart_suite", passed=False, blocking=True),
        CheckOutcome("marts/x", "mart_suite_warnings", passed=True, blocking=False),
    ])
    assert tally.passed == 1 and len(tally.failed) == 1 and len(tally.warned) == 2
    assert [(kind, name, len(group)) for kind, name, group in tally.groups()] == [
        ("failed", "mart_suite", 1), ("warned", "fresh", 2)]


def test_every_runbook_section_a_check_links_to_exists():
    runbook = (PROJECT_DIR / "docs" / "runbook.md").read_text()
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', runbook))
    linked = {*RUNBOOK_ANCHORS.values(), runbook_anchor("unique_dim_customers_customer_id"), "first-three-minutes"}
    assert linked <= anchors, linked - anchors


def test_every_check_of_the_code_location_has_its_runbook_section():
    from orchestration.definitions import build_definitions

    defs = build_definitions()
    names = {spec.name for d in [*(defs.assets or []), *(defs.asset_checks or [])] for spec in d.check_specs}
    ours = {n for n in names if not n.startswith(("unique_", "not_null_", "relationships_", "accepted_values_",
                                                  "assert_", "dbt_", "source_", "equal_", "at_least_"))}
    assert ours <= set(RUNBOOK_ANCHORS), ours - set(RUNBOOK_ANCHORS)


def test_dbt_tests_say_in_words_what_they_assert():
    """The Dagster UI shows a dbt test's check with a sentence, not `dbt test not_null_...`."""
    from orchestration.definitions import build_definitions

    defs = build_definitions()
    specs = {spec.name: spec for d in (defs.assets or []) for spec in d.check_specs}
    assert specs["unique_stg_shop__orders_order_id"].description == "Each order_id appears once in stg_shop__orders."
    assert specs["assert_attribution_adds_up_to_each_order"].description.startswith("Every order's attribution credits")
    dbt_tests = [s for name, s in specs.items() if name.startswith(("unique_", "not_null_", "relationships_",
                                                                      "accepted_values_", "assert_"))]
    assert len(dbt_tests) > 50
    assert all(s.description and not s.description.startswith("dbt test") for s in dbt_tests)
