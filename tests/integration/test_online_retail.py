"""Bring your own exports: one month of the real UCI Online Retail data, shop source only."""

from __future__ import annotations

import pytest

from converters.online_retail import convert
from customer360.landing.contract import ENTITIES
from tests.conftest import Pipeline


@pytest.fixture(scope="module")
def retail(tmp_path_factory):
    pipeline = Pipeline(tmp_path_factory.mktemp("retail"), pii_salt="own-exports-test-salt")
    written = convert(pipeline.landing, until="2009-12-15")  # two weeks: ~1,000 invoices
    dates = pipeline.export_dates()
    result = pipeline.build(dates[0], dates[-1])
    return pipeline, written, result


def test_retail_exports_build_end_to_end_with_only_the_shop_source(retail):
    pipeline, _, result = retail
    assert result.success
    assert pipeline.query("select count(*) from staging.stg_web__events")[0][0] == 0  # absent source: empty
    assert pipeline.query("select count(*) from marts.fct_orders")[0][0] > 500


def test_no_invoice_line_is_lost(retail):
    pipeline, written, _ = retail
    loaded = pipeline.query("select count(*) from raw.shop__order_lines")[0][0]
    quarantined = pipeline.query(
        "select count(*) from raw.quarantine where entity = 'order_lines' and line_number is not null")[0][0]
    assert loaded + quarantined == written["order_lines"]
    reasons = dict(pipeline.query(
        "select reason, count(*) from raw.quarantine where entity = 'order_lines' group by 1"))
    assert reasons.get("duplicate_key", 0) > 0  # the file's exact duplicate rows, not counted twice


def test_guests_and_cancellations_are_kept_as_such(retail):
    pipeline, _, _ = retail
    guests = pipeline.query(
        "select count(*) from staging.stg_shop__orders where shop_account_id is null and guest_email is null")[0][0]
    returned = pipeline.query(
        "select count(*), sum(net_amount) from marts.fct_orders where status = 'returned'")[0]
    assert guests > 0
    assert returned[0] > 0 and returned[1] == 0  # cancellations are returns, never revenue
    known = pipeline.query("select count(*) from marts.fct_orders where customer_id is not null")[0][0]
    assert known > 0


def test_the_retail_files_ship_with_the_project_and_are_credited():
    """The converter's default source is inside the repository (a clone anywhere works), tracked by git,
    with the CC BY 4.0 credit beside the files."""
    import subprocess

    from converters.online_retail import DEFAULT_SOURCE
    from tests.warehouse import PROJECT_DIR

    assert DEFAULT_SOURCE.is_relative_to(PROJECT_DIR)
    tracked = subprocess.run(["git", "ls-files", str(DEFAULT_SOURCE.relative_to(PROJECT_DIR))], cwd=PROJECT_DIR,
                             capture_output=True, text=True, check=True).stdout.split()
    assert {p.rsplit("/", 1)[-1] for p in tracked} >= {
        "online_retail_I_2010_2011.parquet", "online_retail_II_2009_2010.parquet", "README.md"}
    credit = (DEFAULT_SOURCE / "README.md").read_text()
    assert "CC BY 4.0" in credit and "Daqing Chen" in credit and "UCI Machine Learning Repository" in credit


def test_sources_never_delivered_are_reported_as_such_not_as_stale(retail, dbt_runner, tmp_path):
    """Only the shop sends exports here: the other sources (and shop carts, products) are "not delivered", and pass;
    the shop's entities are checked for freshness. dbt source freshness agrees (never delivered: passes)."""
    pipeline, _, result = retail
    fresh = {e.asset_key.to_user_string(): e for e in (ev.asset_check_evaluation_data for ev in result.all_events
                                                        if ev.event_type_value == "ASSET_CHECK_EVALUATION")
             if e.check_name == "fresh"}
    assert len(fresh) == len(ENTITIES) and all(e.passed for e in fresh.values())  # a check per entity
    delivered = {"raw/shop__accounts", "raw/shop__orders", "raw/shop__order_lines"}
    for key, evaluation in fresh.items():
        status = evaluation.metadata["status"].value
        assert status == ("fresh" if key in delivered else "not delivered"), key
    assert "not delivered" in fresh["raw/web__events"].description
    done = dbt_runner(pipeline.warehouse, "source", "freshness", target_path=tmp_path / "target")
    assert done.returncode == 0, done.stdout[-3000:]
    assert done.stdout.count(" PASS ") == 18 and " WARN " not in done.stdout
