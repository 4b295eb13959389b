"""Materialise the ingest assets and landing checks for two export days in one run, for real."""

import datetime as dt
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from customer360.settings import Settings
from orchestration.ingest import build_ingest_definitions
from orchestration.operations import export_days

export_days = export_days(Settings.from_environment({"C360_PARTITIONS_START": "2025-01-01"}))
ingest = build_ingest_definitions(export_days)
ingest_assets, landing_checks = list(ingest.assets), list(ingest.asset_checks)

DAYS = ("2025-03-01", "2025-03-02")
RANGE_TAGS = {"dagster/asset_partition_range_start": DAYS[0], "dagster/asset_partition_range_end": DAYS[1]}
ORDERS_HEADER = "order_id,shop_account_id,guest_email,ordered_at,status,order_total,currency,device_channel"
EVENTS_HEADER = "event_id,anonymous_id,shop_account_id,event_type,page_url,occurred_at,received_at"


def _write(landing: Path, rel: str, lines: list[str]) -> None:
    path = landing / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")


def _landing(landing: Path) -> None:
    for day in DAYS:
        orders = [f"o-{day}-{i},a-{i},,{day}T10:00:00Z,placed,{10 + i}.5,EUR,web" for i in range(20)]
        if day == DAYS[1]:
            orders[3] = f"o-{day}-3,a-3,,{day}T10:00:00Z,shipped,10,EUR,web"  # unknown status
        _write(landing, f"shop/orders/{day}.csv", [ORDERS_HEADER, *orders])
        _write(landing, f"shop/order_lines/{day}.csv",
               ["order_id,line_number,sku,quantity,unit_price"]
               + [f"o-{day}-{i},1,SKU-{i},1,{10 + i}.5" for i in range(20)])
    # web: 12 events, then 2 (a row-count drop worth a warning)
    _write(landing, f"web/events/{DAYS[0]}.csv",
           [EVENTS_HEADER] + [f"e-{i},c-{i % 3},,page_view,/p/{i},{DAYS[0]}T09:{i:02d}:00Z," for i in range(12)])
    _write(landing, f"web/events/{DAYS[1]}.csv",
           [EVENTS_HEADER] + [f"f-{i},c-1,,page_ping,/p/1,{DAYS[1]}T09:00:{i:02d}Z," for i in range(2)])
    (landing / f"web/events/{DAYS[1]}_empty.csv").write_bytes(b"")  # a broken file beside a good one
    _write(landing, f"erp/invoices/{DAYS[0]}.csv", ["invoice_id", "i-1"])  # not in the contract
    # paths that are not exports: a real day's orders under a name not starting with its date, a
    # marker, a note, a folder named like a file (issue 20: they must be listed, not vanish)
    _write(landing, "shop/orders/orders_2025-03-03.csv", [ORDERS_HEADER, "o-x,a-1,,2025-03-03T10:00:00Z,placed,1,EUR,web"])
    _write(landing, "shop/orders/_SUCCESS", [""])
    _write(landing, "notes/readme.txt", ["exports go here"])
    _write(landing, f"shop/orders/{DAYS[0]}.csv.d/part-0.csv", [ORDERS_HEADER])


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    root = tmp_path_factory.mktemp("ingest")
    landing = root / "landing"
    _landing(landing)
    warehouse = Settings.from_environment({"WAREHOUSE_PATH": str(root / "warehouse.duckdb"),
                                           "LANDING_DIR": str(landing), "DOCS_DIR": str(root / "docs")})
    result = dg.materialize(
        [*ingest_assets, *landing_checks],
        resources={"settings": warehouse},
        instance=dg.DagsterInstance.ephemeral(),
        tags=RANGE_TAGS,
    )
    return result, warehouse


def _rows(warehouse: Settings, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse.warehouse_path), read_only=True) as con:
        return con.execute(sql).fetchall()


def _check(result, table: str, name: str):
    (evaluation,) = [
        e for e in result.get_asset_check_evaluations()
        if e.asset_key == dg.AssetKey(["raw", table]) and e.check_name == name
    ]
    return evaluation


def test_days_are_partitions():
    assert all(export_days.has_partition_key(d) for d in DAYS)


def test_both_days_load_into_raw_in_one_run(run):
    result, warehouse = run
    assert result.success
    assert _rows(warehouse, "select _export_date::varchar, count(*) from raw.shop__orders group by 1 order by 1") == [
        (DAYS[0], 20), (DAYS[1], 19)]
    assert _rows(warehouse, "select count(*) from raw.shop__order_lines") == [(40,)]
    assert _rows(warehouse, "select count(*) from raw.web__events") == [(14,)]
    assert _rows(warehouse, "select count(*) from raw.crm__customers") == [(0,)]  # a missing source: empty table
    # one materialisation per entity and day, from a single run
    mats = [m for m in result.get_asset_materialization_events()
            if m.asset_key == dg.AssetKey(["raw", "shop__orders"])]
    assert sorted(m.partition for m in mats) == list(DAYS)
    assert {e.partition for e in result.get_asset_materialization_events()} == set(DAYS)
    assert result.dagster_run.tags["dagster/asset_partition_range_start"] == DAYS[0]


def test_quarantine_holds_bad_rows_files_and_unknown_exports(run):
    _, warehouse = run
    assert _rows(warehouse, """
        select source, entity, source_file, line_number, reason from raw.quarantine order by source, entity""") == [
        ("erp", "invoices", f"erp/invoices/{DAYS[0]}.csv", None, "unknown_source"),
        ("shop", "orders", f"shop/orders/{DAYS[1]}.csv", 4, "unknown_value:status"),
        ("web", "events", f"web/events/{DAYS[1]}_empty.csv", None, "file_empty"),
    ]


def _partitions(result, table: str) -> dict[str, dict]:
    """The materialisation metadata of each partition (export day) of a raw table, as plain values."""
    return {m.partition: {k: v.value for k, v in m.materialization.metadata.items()}
            for m in result.get_asset_materialization_events() if m.asset_key == dg.AssetKey(["raw", table])}


def test_each_partition_shows_its_own_day_not_the_runs_totals(run):
    """A run over two days gives each day's partition that day's figures (no fan-out of the run's totals)."""
    result, warehouse = run
    orders = _partitions(result, "shop__orders")
    assert set(orders) == set(DAYS)
    loaded = dict(_rows(warehouse, "select _export_date::varchar, count(*) from raw.shop__orders group by 1"))
    for day in DAYS:
        assert orders[day]["rows_loaded"] == loaded[day]
    assert orders[DAYS[0]]["rows_loaded"] == 20 and "rows_quarantined" not in orders[DAYS[0]]  # none
    assert (orders[DAYS[1]]["rows_loaded"], orders[DAYS[1]]["rows_quarantined"]) == (19, 1)
    assert "quarantined_by_reason" not in orders[DAYS[0]]
    assert "| unknown_value:status | 1 |" in orders[DAYS[1]]["quarantined_by_reason"]
    # the table as a whole, after the run: on the latest day only
    assert "rows_by_export_day" not in orders[DAYS[0]]
    assert orders[DAYS[1]]["rows_in_table"] == 39
    events = _partitions(result, "web__events")
    assert "rejected_files" not in events[DAYS[0]]
    assert f"web/events/{DAYS[1]}_empty.csv | file_empty" in events[DAYS[1]]["rejected_files"]
    unknown = _partitions(result, "unknown_exports")
    assert unknown[DAYS[0]]["unknown_files"] == 1 and "unknown_files" not in unknown[DAYS[1]]


def test_checks_report_contract_ranges_and_quarantine_rate(run):
    result, warehouse = run
    contract = _check(result, "shop__orders", "landing_contract")
    assert contract.passed and contract.blocking and contract.severity == dg.AssetCheckSeverity.ERROR
    assert contract.metadata["days_validated"].value == ", ".join(DAYS)
    docs = Path(contract.metadata["data_docs"].value)
    assert docs.is_file() and docs.is_relative_to(warehouse.docs_dir)

    rate = _check(result, "shop__orders", "quarantine_rate")  # 1 of 40 rows: 2.5 % > 2 %
    assert not rate.passed and rate.severity == dg.AssetCheckSeverity.WARN
    assert "unknown_value:status" in rate.metadata["top_reasons"].value
    rejected = _check(result, "web__events", "quarantine_rate")  # no bad row, but a file rejected whole
    assert not rejected.passed and rejected.metadata["quarantine_rate"].value == 0.0
    assert f"web/events/{DAYS[1]}_empty.csv | file_empty" in rejected.metadata["rejected_files"].value
    unknown = [e for e in result.get_asset_check_evaluations() if e.check_name == "no_unknown_exports"]
    assert len(unknown) == 1 and not unknown[0].passed and unknown[0].metadata["unknown_files"].value == 1

    drop = _check(result, "web__events", "landing_ranges")  # 2 events after 12
    assert not drop.passed and drop.severity == dg.AssetCheckSeverity.WARN
    assert drop.metadata["worst_day"].value == DAYS[1]
    assert drop.metadata["observed"].value == {"expect_table_row_count_to_be_between(table)": 2}

    assert _check(result, "shop__order_lines", "landing_ranges").passed
    assert _check(result, "crm__customers", "landing_contract").passed  # nothing to validate is fine


def test_replaying_the_days_changes_nothing(run):
    _, warehouse = run
    snapshot = """select * exclude (_loaded_at) from raw.shop__orders order by _export_date, _line_number"""
    quarantine = "select * exclude (quarantined_at) from raw.quarantine order by all"
    before = (_rows(warehouse, snapshot), _rows(warehouse, quarantine))
    shop = [a for a in ingest_assets if dg.AssetKey(["raw", "shop__orders"]) in a.keys]
    replay = dg.materialize(shop, resources={"settings": warehouse}, instance=dg.DagsterInstance.ephemeral(),
                            tags=RANGE_TAGS)
    assert replay.success
    assert (_rows(warehouse, snapshot), _rows(warehouse, quarantine)) == before
    (loaded_at,) = _rows(warehouse, "select max(_loaded_at) from raw.shop__orders")[0]
    assert loaded_at > dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(minutes=5)


def test_checks_run_on_their_own_validate_the_latest_export_day(run):
    _, warehouse = run
    checks = dg.materialize(
        [*ingest_assets, *landing_checks],
        selection=dg.AssetSelection.checks_for_assets(dg.AssetKey(["raw", "web__events"])),
        resources={"settings": warehouse},
        instance=dg.DagsterInstance.ephemeral(),
    )
    assert checks.success
    assert not checks.get_asset_materialization_events()  # nothing reloaded
    ranges = _check(checks, "web__events", "landing_ranges")
    assert ranges.metadata["days_validated"].value == DAYS[1] and not ranges.passed


def test_every_path_not_loaded_is_listed_with_its_reason_and_counted_by_a_warning(run):
    result, warehouse = run
    assert _rows(warehouse, "select path, reason from raw.unknown_exports order by path") == [
        (f"erp/invoices/{DAYS[0]}.csv", "unknown_source"),
        ("notes/readme.txt", "wrong_depth"),
        ("shop/orders/2025-03-01.csv.d/part-0.csv", "wrong_depth"),
        ("shop/orders/_SUCCESS", "hidden"),
        ("shop/orders/orders_2025-03-03.csv", "not_an_export_name"),
    ]
    (check,) = [e for e in result.get_asset_check_evaluations() if e.check_name == "no_unknown_exports"]
    assert not check.passed and check.severity == dg.AssetCheckSeverity.WARN
    assert check.metadata["paths_not_loaded"].value == 5
    assert "5 path(s) in the landing folder not loaded" in check.description
    assert "| shop/orders/orders_2025-03-03.csv | not_an_export_name |" in check.metadata["files"].value
