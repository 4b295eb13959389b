"""Guard and publish, end to end through the real Definitions: mart suites, the publish veto, erasure, bad input."""

from __future__ import annotations

import gzip
import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd
import pytest

from customer360.quality.mart_suites import SUITES
from customer360.serving import pii_hash
from customer360.settings import DEMO_SALT
from orchestration.checks import MART_SUITE, MART_WARNINGS, mart_key
from orchestration.publish import SERVING_KEY
from tests.conftest import RANGE_END, RANGE_START, Pipeline

MART_CHECK_KEYS = {dg.AssetCheckKey(mart_key(s), name) for s in SUITES for name in (MART_SUITE, MART_WARNINGS)
                   if name == MART_SUITE or "warning" in s.severities}
KPIS = dg.AssetKey(["marts", "loyalty_kpis_monthly"])


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def evaluations(result) -> list:
    return [e.asset_check_evaluation_data for e in result.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"]


def run_job(pipeline: Pipeline, monkeypatch, instance, *, assets=None, checks=None):
    """The build_warehouse job of the real Definitions (or a subset of it) on the pipeline's files."""
    for k, v in pipeline.env().items():
        monkeypatch.setenv(k, v)
    from orchestration.definitions import build_definitions

    job = build_definitions().resolve_job_def("build_warehouse")
    if assets is not None or checks is not None:
        job = job.get_subset(asset_selection=set(assets or ()), asset_check_selection=set(checks or ()))
    dates = pipeline.export_dates()
    return job.execute_in_process(instance=instance, tags={RANGE_START: dates[0], RANGE_END: dates[-1]},
                                  raise_on_error=False)


# ------------------------------------------------------------------------------ the mart suites in the build


def test_every_mart_suite_runs_in_the_build_after_its_mart_and_before_publish(demo_pipeline):
    pipeline, result = demo_pipeline
    assert result.success
    suites = {e.asset_key: e for e in evaluations(result) if e.check_name == MART_SUITE}
    assert set(suites) == {mart_key(s) for s in SUITES}
    for key, evaluation in suites.items():
        assert evaluation.passed, (key, evaluation.metadata)
        assert evaluation.severity == dg.AssetCheckSeverity.ERROR and evaluation.blocking
        docs = Path(evaluation.metadata["data_docs"].value)
        assert docs.is_file() and docs.is_relative_to(pipeline.root / "docs" / "marts")
        assert evaluation.metadata["rows_validated"].value == pipeline.query(
            f"select count(*) from marts.{key.path[1]}")[0][0]
    warnings = {e.asset_key: e for e in evaluations(result) if e.check_name == MART_WARNINGS}
    assert all(e.severity == dg.AssetCheckSeverity.WARN for e in warnings.values())

    # publish waits for every mart suite: in the plan (what any executor obeys) and in this run
    from dagster._core.execution.api import create_execution_plan

    suite_steps = {e.step_key for e in result.all_events
                   if e.event_type_value == "ASSET_CHECK_EVALUATION"
                   and e.asset_check_evaluation_data.check_name == MART_SUITE}
    publish_step = next(e.step_key for e in result.all_events
                        if e.is_step_success and e.step_key.startswith("serving"))
    upstream = create_execution_plan(result.job_def).get_all_step_deps()[publish_step]
    assert suite_steps and suite_steps <= upstream
    order = [e.step_key for e in result.all_events if e.event_type_value == "STEP_START"]
    assert max(order.index(s) for s in suite_steps) < order.index(publish_step)


def test_the_published_file_opens_read_only_from_a_second_process(demo_pipeline):
    pipeline, _ = demo_pipeline
    reader = (
        "import duckdb, sys\n"
        "con = duckdb.connect(sys.argv[1], read_only=True)\n"
        "print(con.execute(\"select count(*) from information_schema.tables where table_schema = 'marts'\").fetchone()[0])\n"
        "print(con.execute('select count(*) from marts.dim_customers').fetchone()[0])\n"
    )
    out = subprocess.run([sys.executable, "-c", reader, str(pipeline.serving)],
                         capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 0, out.stderr
    tables, customers = map(int, out.stdout.split())
    assert tables == len(SUITES) and customers == pipeline.query("select count(*) from marts.dim_customers")[0][0]


# ------------------------------------------------------------------------------ a broken mart blocks publish


@pytest.fixture
def broken(demo_pipeline, tmp_path) -> Pipeline:
    """A copy of the demo build whose monthly KPIs claim an NPS of 150."""
    source, _ = demo_pipeline
    shutil.copytree(source.root, tmp_path / "root", ignore=shutil.ignore_patterns("dagster_home", "docs"))
    pipeline = Pipeline(tmp_path / "root")
    with duckdb.connect(str(pipeline.warehouse)) as con:
        con.execute("update marts.loyalty_kpis_monthly set nps = 150")
    return pipeline


def test_a_failing_blocking_mart_check_stops_publish_and_leaves_the_serving_file_byte_identical(broken, monkeypatch):
    before = sha256(broken.serving)
    previous = broken.serving.with_name("customer360.previous.duckdb")
    previous_before = sha256(previous) if previous.exists() else None
    instance = dg.DagsterInstance.ephemeral()

    # the build's tail: every mart suite, then publish
    result = run_job(broken, monkeypatch, instance, assets=[SERVING_KEY], checks=MART_CHECK_KEYS)
    assert not result.success
    (kpis,) = [e for e in evaluations(result) if e.asset_key == KPIS and e.check_name == MART_SUITE]
    assert not kpis.passed and kpis.severity == dg.AssetCheckSeverity.ERROR
    label = "expect_column_values_to_be_between(nps)"
    assert kpis.metadata["failed_expectations"].value == [label]
    assert kpis.metadata["unexpected_counts"].value == {label: 1}
    assert kpis.metadata["samples"].value == {label: [150.0]}
    assert "nps" in kpis.description and "docs/runbook.md" in kpis.description
    assert Path(kpis.metadata["data_docs"].value).is_file()
    others = [e for e in evaluations(result) if e.check_name == MART_SUITE and e.asset_key != KPIS]
    assert len(others) == len(SUITES) - 1 and all(e.passed for e in others)
    assert SERVING_KEY not in {m.asset_key for m in result.get_asset_materialization_events()}
    assert sha256(broken.serving) == before
    assert (sha256(previous) if previous.exists() else None) == previous_before

    # publish on its own still refuses: the veto reads the check's latest evaluation
    alone = run_job(broken, monkeypatch, instance, assets=[SERVING_KEY])
    assert not alone.success
    (failure,) = [e for e in alone.all_events if e.is_step_failure]
    assert "Not published: 1 blocking check(s) failed" in failure.step_failure_data.error.message
    assert "marts/loyalty_kpis_monthly:mart_suite" in str(failure.step_failure_data.user_failure_data.metadata)
    assert sha256(broken.serving) == before

    # fixed and re-run: the checks pass and the new figure reaches BI
    with duckdb.connect(str(broken.warehouse)) as con:
        con.execute("update marts.loyalty_kpis_monthly set nps = 42")
    fixed = run_job(broken, monkeypatch, instance, assets=[SERVING_KEY], checks=MART_CHECK_KEYS)
    assert fixed.success
    with duckdb.connect(str(broken.serving), read_only=True) as con:
        assert {r[0] for r in con.execute("select nps from marts.loyalty_kpis_monthly").fetchall()} == {42.0}
    assert sha256(previous) == before  # the last good file is kept for rollback


# ------------------------------------------------------------------------------ erasure


def _serving_columns(con) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for table, column in con.execute(
            "select table_name, column_name from information_schema.columns where table_schema = 'marts' "
            "order by table_name, ordinal_position").fetchall():
        out.setdefault(table, []).append(column)
    return out


def _find(con, columns: dict[str, list[str]], needles: set[str]) -> list[tuple[str, str, int]]:
    """(table, column, rows) of every column of every table with a value containing one of the needles."""
    pattern = "|".join(re.escape(n.lower()) for n in sorted(needles))
    hits = []
    for table, cols in columns.items():
        for column in cols:
            (n,) = con.execute(
                f'select count(*) from marts."{table}" where regexp_matches(lower(cast("{column}" as varchar)), ?)',
                [pattern]).fetchone()
            if n:
                hits.append((table, column, n))
    return hits


def _rows_with_both(con, columns: dict[str, list[str]], first: str, last: str) -> list[str]:
    """Tables with a row holding both values (in any of its columns)."""
    hits = []
    for table, cols in columns.items():
        holds = " or ".join(f'lower(cast("{c}" as varchar)) = lower(?)' for c in cols)
        (n,) = con.execute(f'select count(*) from marts."{table}" where ({holds}) and ({holds})',
                           [first] * len(cols) + [last] * len(cols)).fetchone()
        if n:
            hits.append(table)
    return hits


def test_erased_persons_are_nowhere_in_the_published_file(demo_pipeline):
    pipeline, _ = demo_pipeline
    persons = pd.read_parquet(pipeline.truth / "persons.parquet")
    identifiers = pd.read_parquet(pipeline.truth / "identifiers.parquet")
    erased = persons[persons.erasure_requested_at.notna()]
    assert len(erased) >= 1
    theirs = identifiers[identifiers.person_id.isin(erased.person_id)]
    shared = set(identifiers[~identifiers.person_id.isin(erased.person_id)].identifier_value)  # household landlines
    values = set(theirs.identifier_value) - shared
    assert values
    # their requests really arrived and were carried out: the erasure step took the request rows out of raw
    # and kept their identifiers as hashes in the ledger (docs/privacy.md)
    assert pipeline.query("select count(*) from audit.erased_rows where raw_table = 'crm__erasure_requests'")[0][0]
    ledger = {h for (h,) in pipeline.query("select identifier_hash from audit.erasure_ledger")}
    assert ledger & {hashlib.sha256(v.encode()).hexdigest() for v in values}
    # a customer id is derived from one of its identifiers (macro identity_customer_id): every id theirs could have
    customer_ids = {"c_" + hashlib.md5(f"{t}:{v}".encode()).hexdigest()[:16]
                    for t, v in zip(theirs.identifier_type, theirs.identifier_value, strict=True)}
    assert customer_ids

    needles = values | {pii_hash(v, DEMO_SALT) for v in values} | customer_ids
    names = []  # a first name alone is not a person: first and last name in one row, unless a namesake exists
    for person in erased.itertuples():
        if ((persons.first_name == person.first_name) & (persons.last_name == person.last_name)).sum() == 1:
            names += [(person.first_name, person.last_name),
                      (pii_hash(person.first_name, DEMO_SALT), pii_hash(person.last_name, DEMO_SALT))]

    con = duckdb.connect(str(pipeline.serving), read_only=True)
    try:
        columns = _serving_columns(con)
        assert _find(con, columns, needles) == []
        assert [hit for first, last in names for hit in _rows_with_both(con, columns, first, last)] == []

        # the search finds what is there: a person never erased shows up, hashed with the same function
        kept = identifiers[(identifiers.identifier_type == "email") & ~identifiers.person_id.isin(erased.person_id)]
        published = {r[0] for r in con.execute("select email from marts.dim_customers").fetchall()}
        present = next(v for v in kept.identifier_value if pii_hash(v, DEMO_SALT) in published)
        assert _find(con, columns, {pii_hash(present, DEMO_SALT)})
    finally:
        con.close()


# ------------------------------------------------------------------------------ bad input, through Dagster

DAY = "2025-03-03"
ORDERS = """\
order_id,shop_account_id,guest_email,ordered_at,status,order_total,currency,device_channel
o-1,a-1,,2025-03-03T09:00:00Z,placed,19.99,GBP,web
,a-2,,2025-03-03T09:00:00Z,placed,5.00,GBP,web
o-3,a-1,,03/03/2025 09:00,placed,5.00,GBP,web
o-4,a-1,,2025-03-03T09:00:00Z,placed,-5.00,GBP,web
o-5,a-1,,2025-03-03T09:00:00Z,placed,250000,GBP,web
o-6,a-1,,2031-03-03T09:00:00Z,placed,5.00,GBP,web
o-7,a-1,,2025-03-03T10:00:00Z,placed,12.50,GBP,app
o-8,a-1,,2025-03-03T09:00:00Z,shipped,5.00,GBP,web
o-9,a-1,,2025-03-03T09:00:00Z,placed,twelve,GBP,web
o-10,,test@example.com,2025-03-03T11:00:00Z,placed,7.00,GBP,web
o-1,a-1,,2025-03-03T09:00:00Z,placed,19.99,GBP,web
"""
ORDER_REASONS = {  # line -> reason; lines 1, 7 and 10 load
    2: "missing_required:order_id",  # null key
    3: "bad_timestamp:ordered_at",  # unparsable timestamp
    4: "negative:order_total",
    5: "out_of_range:order_total",  # absurd amount
    6: "future_timestamp:ordered_at",
    8: "unknown_value:status",  # unknown enum value
    9: "bad_number:order_total",  # wrong type
    11: "duplicate_key",  # o-1 again in the same export
}
ACCOUNTS = """\
shop_account_id,email,first_name,last_name,phone,created_at
a-1,mia.jones@mailbox.test,Mia,Jones,0000000000,2025-03-01T08:00:00Z
"""
FILE_REASONS = {
    f"shop/order_lines/{DAY}.csv": "file_missing_column:sku",
    f"web/events/{DAY}.csv": "file_empty",
    f"shop/carts/{DAY}.csv.gz": "file_unreadable",  # truncated
    f"erp/invoices/{DAY}.csv": "unknown_source",
    f"shop/refunds/{DAY}.csv": "unknown_entity",
}


def _bad_landing(landing: Path) -> None:
    def write(rel: str, data: str | bytes) -> None:
        path = landing / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)

    write(f"shop/orders/{DAY}.csv", ORDERS)
    write(f"shop/accounts/{DAY}.csv", ACCOUNTS)
    write(f"shop/order_lines/{DAY}.csv", "order_id,line_number,quantity,unit_price\no-1,1,1,19.99\no-7,1,2,6.25\n")
    write(f"web/events/{DAY}.csv", b"")
    carts = "cart_id,shop_account_id,anonymous_id,created_at,last_activity_at,cart_value,order_id\n" + "".join(
        f"k-{i},a-1,,2025-03-03T08:00:00Z,,10,\n" for i in range(50))
    write(f"shop/carts/{DAY}.csv.gz", gzip.compress(carts.encode())[:80])
    write(f"erp/invoices/{DAY}.csv", "invoice_id,amount\ni-1,10\n")
    write(f"shop/refunds/{DAY}.csv", "refund_id,order_id\nr-1,o-1\n")


@pytest.fixture(scope="module")
def bad_input_run(tmp_path_factory):
    pipeline = Pipeline(tmp_path_factory.mktemp("bad_input"), pii_salt="own-exports-test-salt")
    _bad_landing(pipeline.landing)
    with pytest.MonkeyPatch.context() as mp:
        result = run_job(pipeline, mp, dg.DagsterInstance.ephemeral())
    return pipeline, result


def test_each_kind_of_bad_input_gets_a_clear_reason_through_dagster(bad_input_run):
    pipeline, result = bad_input_run
    rows = dict(pipeline.query("select line_number, reason from raw.quarantine "
                               "where source_file = ? and line_number is not null", [f"shop/orders/{DAY}.csv"]))
    assert rows == ORDER_REASONS
    files = dict(pipeline.query("select source_file, reason from raw.quarantine where line_number is null"))
    assert files == FILE_REASONS
    # junk identifiers: the rows load (the order is real), the values never link anyone
    assert pipeline.query("select identifier_value, reason from intermediate.int_identity__junk_identifiers") == [
        ("test@example.com", "blocklist: test address")]
    assert pipeline.query("select phone from staging.stg_shop__accounts") == [(None,)]  # 0000000000 is no phone
    # the on-call sees it in the run: quarantine rate and unknown exports warn; only the files rejected
    # whole are an error (test below)
    failed = {(e.asset_key.to_user_string(), e.check_name) for e in evaluations(result) if not e.passed}
    assert ("raw/shop__orders", "quarantine_rate") in failed and ("raw/unknown_exports", "no_unknown_exports") in failed
    assert all(e.severity == dg.AssetCheckSeverity.WARN for e in evaluations(result)
               if not e.passed and e.check_name != "rejected_share")


def test_bad_input_counts_add_up_and_none_of_it_is_published(bad_input_run):
    pipeline, result = bad_input_run
    data_lines = ORDERS.strip().count("\n")
    (loaded,) = pipeline.query("select count(*) from raw.shop__orders")[0]
    (quarantined,) = pipeline.query("select count(*) from raw.quarantine where entity = 'orders' "
                                    "and line_number is not null")[0]
    assert loaded + quarantined == data_lines == 11 and loaded == 3
    mats = [m.materialization.metadata for m in result.get_asset_materialization_events()
            if m.asset_key == dg.AssetKey(["raw", "shop__orders"])]
    assert (mats[0]["rows_loaded"].value, mats[0]["rows_quarantined"].value) == (3, 8)
    assert pipeline.query("select count(*) from raw.shop__order_lines") == [(0,)]  # the whole file was rejected
    assert pipeline.query("select count(*) from raw.shop__carts") == [(0,)]

    # every bad input was caught and the warehouse built from the good rows ...
    customers = dict(pipeline.query("select order_id, customer_id from marts.fct_orders"))
    assert set(customers) == {"o-1", "o-7", "o-10"}
    assert customers == {"o-1": customers["o-7"], "o-10": None, "o-7": customers["o-7"]}  # the junk email links nobody
    bridge = {r[0] for r in pipeline.query("select identifier_value from marts.bdg_customer_identifiers")}
    assert "test@example.com" not in bridge
    # ... but the day's order lines and carts were rejected whole (all of their rows): that is not
    # published (rejected_share, an ERROR check vetoing publish; docs/runbook.md#rejected_share)
    assert not result.success and not pipeline.serving.exists()
    shares = {e.asset_key.to_user_string(): e for e in evaluations(result) if e.check_name == "rejected_share"}
    assert {k for k, e in shares.items() if not e.passed} == {"raw/shop__order_lines", "raw/shop__carts"}
    assert all(e.severity == dg.AssetCheckSeverity.ERROR for e in shares.values())
    assert shares["raw/shop__order_lines"].metadata["rows_in_rejected_files"].value == 2
    (failure,) = [e for e in result.all_events if e.is_step_failure]
    assert failure.step_key.startswith("serving") and "Not published" in failure.step_failure_data.error.message
