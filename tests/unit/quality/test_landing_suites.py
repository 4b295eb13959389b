"""GX suites from the contract, and how a validation becomes an asset check result."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from customer360.landing import ensure_raw_tables, load_export_day
from customer360.quality.landing_suites import (
    BLOCKING,
    WARNING,
    build_suite,
    row_count_bounds,
    suite_result_to_check,
)


def _summary(suite):
    return sorted(
        (e.expectation_type, getattr(e, "column", None) or ",".join(getattr(e, "column_list", None) or []),
         e.meta["severity"])
        for e in suite.expectations
    )


def test_suite_follows_the_contract_with_severities():
    got = _summary(build_suite("shop__orders", previous_row_count=None))
    assert ("expect_column_values_to_not_be_null", "order_id", BLOCKING) in got
    assert ("expect_column_values_to_not_be_null", "guest_email", BLOCKING) not in got  # optional
    assert ("expect_column_values_to_be_in_set", "status", BLOCKING) in got
    assert ("expect_compound_columns_to_be_unique", "order_id,status", BLOCKING) in got
    assert ("expect_column_values_to_be_in_type_list", "ordered_at", BLOCKING) in got
    assert ("expect_column_values_to_be_between", "order_total", WARNING) in got
    assert sum(1 for t, _, _ in got if t == "expect_column_to_exist") == 8
    assert not any(t == "expect_table_row_count_to_be_between" for t, _, _ in got)  # no previous day


def test_row_count_change_is_judged_against_the_previous_day():
    assert row_count_bounds(None) is None and row_count_bounds(0) is None
    assert row_count_bounds(100) == (33, 300)
    suite = build_suite("web__events", previous_row_count=100)
    (rc,) = [e for e in suite.expectations if e.expectation_type == "expect_table_row_count_to_be_between"]
    assert (rc.min_value, rc.max_value, rc.meta["severity"]) == (33, 300, WARNING)
    assert ("expect_column_values_to_be_unique", "event_id", BLOCKING) in _summary(suite)


GOOD = pd.DataFrame({
    "event_id": ["e-1", "e-2", "e-3"], "anonymous_id": ["c-1", "c-1", "c-2"], "shop_account_id": [None, "a-1", None],
    "event_type": ["page_view", "login", "page_ping"], "page_url": ["/", "/login", "/"],
    "occurred_at": pd.to_datetime(["2025-03-01 09:00", "2025-03-01 09:01", "2025-03-01 09:02"]),
    "received_at": pd.to_datetime(["2025-03-01 09:00", None, "2025-03-01 09:02"]),
})


def test_a_clean_day_passes_both_groups(validator):
    day = validator.validate(GOOD, "web__events", "2025-03-01", previous_count=3, docs=False)
    blocking, warning = (suite_result_to_check(day.result, s) for s in (BLOCKING, WARNING))
    assert blocking["passed"] and warning["passed"]
    assert blocking["metadata"]["success_percent"] == 100.0
    assert blocking["metadata"]["evaluated"] > 10 and warning["metadata"]["evaluated"] == 1


def test_a_broken_day_names_what_failed_with_counts_and_samples(validator):
    bad = GOOD.copy()
    bad.loc[1, "event_id"] = "e-1"  # duplicate key
    bad.loc[2, "anonymous_id"] = None  # required missing
    bad.loc[2, "event_type"] = "teleport"  # not in the value set
    day = validator.validate(bad, "web__events", "2025-03-01", previous_count=30, docs=False)

    blocking = suite_result_to_check(day.result, BLOCKING)
    assert blocking["passed"] is False and blocking["severity"] == BLOCKING
    md = blocking["metadata"]
    assert sorted(md["failed_expectations"]) == [
        "expect_column_values_to_be_in_set(event_type)",
        "expect_column_values_to_be_unique(event_id)",
        "expect_column_values_to_not_be_null(anonymous_id)",
    ]
    assert md["unexpected_counts"] == {
        "expect_column_values_to_be_in_set(event_type)": 1,
        "expect_column_values_to_be_unique(event_id)": 2,
        "expect_column_values_to_not_be_null(anonymous_id)": 1,
    }
    assert md["samples"]["expect_column_values_to_be_in_set(event_type)"] == ["teleport"]
    assert md["samples"]["expect_column_values_to_be_unique(event_id)"] == ["e-1", "e-1"]
    assert 0 < md["success_percent"] < 100
    json.dumps(blocking)  # Dagster metadata must serialise

    warning = suite_result_to_check(day.result, WARNING)  # 3 rows where the day before had 30
    assert warning["passed"] is False
    assert warning["metadata"]["observed"] == {"expect_table_row_count_to_be_between(table)": 3}


def test_ranges_are_warnings_not_blockers(validator):
    lines = pd.DataFrame({"order_id": ["o-1", "o-1"], "line_number": pd.array([1, 2], dtype="Int64"),
                          "sku": ["A", "B"], "quantity": pd.array([1, 5000], dtype="Int64"),
                          "unit_price": [9.5, -1.0]})
    day = validator.validate(lines, "shop__order_lines", "2025-03-01", docs=False)
    assert suite_result_to_check(day.result, BLOCKING)["passed"] is True
    warning = suite_result_to_check(day.result, WARNING)
    assert warning["metadata"]["unexpected_counts"] == {
        "expect_column_values_to_be_between(quantity)": 1,
        "expect_column_values_to_be_between(unit_price)": 1,
    }
    assert warning["metadata"]["samples"]["expect_column_values_to_be_between(unit_price)"] == [-1.0]


def test_severity_must_be_known(validator):
    day = validator.validate(GOOD, "web__events", "2025-03-01", docs=False)
    with pytest.raises(ValueError):
        suite_result_to_check(day.result, "fatal")


def test_validate_an_export_day_from_duckdb_and_render_data_docs(validator, tmp_path):
    landing = tmp_path / "landing"
    (landing / "web/events").mkdir(parents=True)
    header = "event_id,anonymous_id,event_type,occurred_at"
    (landing / "web/events/2025-03-01.csv").write_text(
        header + "\n" + "\n".join(f"e-{i},c-1,page_view,2025-03-01T09:00:00Z" for i in range(10)) + "\n")
    (landing / "web/events/2025-03-02.csv").write_text(header + "\ne-100,c-1,page_view,2025-03-02T09:00:00Z\n")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    ensure_raw_tables(con)
    for day in ("2025-03-01", "2025-03-02"):
        load_export_day(con, "web__events", day, [landing / f"web/events/{day}.csv"], landing)

    day = validator.validate_export_day(con, "web__events", "2025-03-02", run_name="test-run")

    assert day.rows == 1
    warning = suite_result_to_check(day.result, WARNING)
    assert warning["passed"] is False  # 1 row after 10: below 10/3
    assert suite_result_to_check(day.result, BLOCKING)["passed"] is True
    page = Path(day.docs_path)
    assert page.is_file() and page.is_relative_to(validator.docs_dir)
    text = " ".join(re.sub(r"<[^>]+>", " ", page.read_text()).split())
    assert "raw.web__events" in text
    assert "Must have greater than or equal to 3 and less than or equal to 30 rows." in text
    assert (validator.docs_dir / "index.html").is_file()
