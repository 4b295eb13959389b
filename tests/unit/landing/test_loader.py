"""Loading an export day: every row lands in raw or in quarantine with a clear reason, once."""

from __future__ import annotations

import datetime as dt
import gzip
import json

import duckdb
import pytest
from landing_helpers import load, rows, write

from customer360.landing import (
    ensure_raw_tables,
    load_export_day,
    load_export_days,
    quarantine_unknown_exports,
)
from customer360.landing.contract import ENTITIES
from customer360.landing.files import discover

DAY = "2025-03-01"

ORDERS = """
order_id,shop_account_id,guest_email,ordered_at,status,order_total,currency,device_channel,coupon_code
o-1,a-1,,2025-03-01T09:00:00Z,placed,19.99,EUR,web,SPRING
,a-2,,2025-03-01T09:00:00Z,placed,5.00,EUR,web,
o-3,a-3,,01/03/2025 09:00,placed,5.00,EUR,web,
o-4,a-4,,2025-03-01T09:00:00Z,placed,-5.00,EUR,web,
o-5,a-5,,2025-03-01T09:00:00Z,placed,250000,EUR,web,
o-6,a-6,,2031-03-01T09:00:00Z,placed,5.00,EUR,web,
o-1,a-1,,2025-03-01T09:00:00Z,placed,19.99,EUR,web,SPRING
o-8,a-8,,2025-03-01T09:00:00Z,shipped,5.00,EUR,web,
o-9,a-9,,2025-03-01T09:00:00Z,placed,twelve,EUR,web,
o-10,,guest@example.com,2025-03-01T23:30:00+02:00,cancelled,0,EUR,app,
"""
ORDERS_EXPECTED = {  # line -> reason (None: loaded)
    1: None,
    2: "missing_required:order_id",  # null key
    3: "bad_timestamp:ordered_at",  # unparsable timestamp
    4: "negative:order_total",
    5: "out_of_range:order_total",  # absurd amount
    6: "future_timestamp:ordered_at",
    7: "duplicate_key",  # o-1 placed again in the same file
    8: "unknown_value:status",
    9: "bad_number:order_total",  # wrong type
    10: None,
}


def test_bad_input_catalogue_each_row_and_file_gets_its_reason(con, landing):
    write(landing, f"shop/orders/{DAY}.csv", ORDERS)
    write(landing, f"shop/orders/{DAY}_empty.csv", b"")
    write(landing, f"shop/orders/{DAY}_header_only.csv", ORDERS.strip().splitlines()[0])
    truncated = "\n".join(ORDERS.strip().splitlines()[:3]).replace("o-", "t-") + "\nt-99,a-99,,2025-03-01T09:0"
    write(landing, f"shop/orders/{DAY}_truncated.csv", truncated.encode())
    write(landing, f"shop/orders/{DAY}_no_total.csv", "order_id,ordered_at,status\nn-1,2025-03-01T09:00:00Z,placed")
    write(landing, f"shop/orders/{DAY}_latin1.csv", "order_id,ordered_at,status,order_total\nl-1,2025-03-01,pass\xe9,1".encode("latin-1"))
    write(landing, f"shop/orders/{DAY}_cut.csv.gz", gzip.compress(ORDERS.encode())[:60])
    write(landing, f"erp/invoices/{DAY}.csv", "invoice_id,amount\ni-1,10")  # a source nobody declared

    result = load(con, landing, "shop__orders", DAY)
    unknown = discover(landing, [DAY]).unknown
    assert quarantine_unknown_exports(con, DAY, unknown) == 1

    # row level: the first broken rule of each line, nothing lost, nothing twice
    got = dict(rows(con, f"select line_number, reason from raw.quarantine where source_file = 'shop/orders/{DAY}.csv'"))
    loaded = {ln for (ln,) in rows(con, "select _line_number from raw.shop__orders")}
    assert got == {ln: r for ln, r in ORDERS_EXPECTED.items() if r}
    assert loaded == {ln for ln, r in ORDERS_EXPECTED.items() if r is None}
    # 10 rows of the main file, 3 of the truncated one, 1 of the latin-1 one (the header-only file lands 0)
    assert result.rows_landed == 14
    assert result.rows_landed == result.rows_loaded + result.rows_quarantined
    assert (result.rows_loaded, result.rows_quarantined) == (3, 11)
    assert result.quarantined_by_reason["duplicate_key"] == 1 and sum(result.quarantined_by_reason.values()) == 11

    # a broken row costs that row, not its file: the cut last line, the byte that is not UTF-8
    assert rows(con, "select line_number, reason from raw.quarantine where source_file like '%truncated%' "
                     "order by 1") == [(2, "missing_required:order_id"), (3, "wrong_column_count")]
    assert rows(con, "select _line_number, order_id from raw.shop__orders where _source_file like '%truncated%'") == [
        (1, "t-1")]
    assert rows(con, "select line_number, reason from raw.quarantine where source_file like '%latin1%'") == [
        (1, "bad_encoding")]

    # file level: one quarantine row each, line_number NULL, the rest of the day still loaded
    assert {r.relpath: r.reason for r in result.rejected_files} == {
        f"shop/orders/{DAY}_empty.csv": "file_empty",
        f"shop/orders/{DAY}_no_total.csv": "file_missing_column:order_total",
        f"shop/orders/{DAY}_cut.csv.gz": "file_unreadable",
    }
    file_rows = rows(con, "select source_file, reason from raw.quarantine "
                          "where line_number is null and source = 'shop' order by 1")
    assert [r[1] for r in file_rows] == [r.reason for r in result.rejected_files]
    assert rows(con, "select source, reason from raw.quarantine where source_file like 'erp/%'") == [
        ("erp", "unknown_source")]
    assert len(result.files) == 7

    # the on-call can read why and see the row as it arrived
    detail, payload = rows(con, "select detail, payload from raw.quarantine where line_number = 5")[0]
    assert detail == "order_total '250000' is outside 0..100000"
    assert json.loads(payload) == {
        "order_id": "o-5", "shop_account_id": "a-5", "guest_email": None, "ordered_at": "2025-03-01T09:00:00Z",
        "status": "placed", "order_total": "250000", "currency": "EUR", "device_channel": "web", "coupon_code": None,
    }
    dup = rows(con, "select detail from raw.quarantine where reason = 'duplicate_key'")[0][0]
    assert dup == f"duplicate key order_id=o-1, status=placed: first seen in shop/orders/{DAY}.csv line 1"
    missing = next(r for r in result.rejected_files if r.reason.startswith("file_missing_column"))
    assert "order_total" in missing.detail


def test_good_rows_are_typed_and_keep_their_extra_columns(con, landing):
    write(landing, f"shop/orders/{DAY}.csv", ORDERS)
    load(con, landing, "shop__orders", DAY)
    got = rows(con, """
        select order_id, shop_account_id, guest_email, ordered_at, status, order_total, _extra, _source_file,
               _line_number, _export_date
        from raw.shop__orders order by _line_number""")
    assert got == [
        ("o-1", "a-1", None, dt.datetime(2025, 3, 1, 9), "placed", 19.99, '{"coupon_code":"SPRING"}',
         f"shop/orders/{DAY}.csv", 1, dt.date(2025, 3, 1)),
        ("o-10", None, "guest@example.com", dt.datetime(2025, 3, 1, 21, 30), "cancelled", 0.0,
         '{"coupon_code":null}', f"shop/orders/{DAY}.csv", 10, dt.date(2025, 3, 1)),
    ]
    types = dict(rows(con, "select column_name, data_type from information_schema.columns "
                           "where table_schema = 'raw' and table_name = 'shop__orders'"))
    assert (types["ordered_at"], types["order_total"], types["_export_date"]) == ("TIMESTAMP", "DOUBLE", "DATE")


def test_reloading_a_day_changes_nothing(con, landing):
    write(landing, f"shop/orders/{DAY}.csv", ORDERS)
    write(landing, f"shop/orders/{DAY}_empty.csv", b"")
    raw_sql = "select * exclude (_loaded_at) from raw.shop__orders order by _source_file, _line_number"
    q_sql = "select * exclude (quarantined_at) from raw.quarantine order by source_file, line_number"

    first = load(con, landing, "shop__orders", DAY)
    before = (rows(con, raw_sql), rows(con, q_sql))
    second = load(con, landing, "shop__orders", DAY)
    after = (rows(con, raw_sql), rows(con, q_sql))

    assert after == before
    assert len(after[0]) == 2 and len(after[1]) == 9
    strip = lambda r: (r.rows_landed, r.rows_loaded, r.rows_quarantined, r.quarantined_by_reason, r.rejected_files)
    assert strip(second) == strip(first)


def test_reloading_a_corrected_export_replaces_the_day(con, landing):
    write(landing, f"shop/orders/{DAY}.csv", ORDERS)
    write(landing, "shop/orders/2025-02-28.csv", ORDERS.replace("o-", "p-").replace("2025-03-01", "2025-02-28"))
    load(con, landing, "shop__orders", DAY)
    load(con, landing, "shop__orders", "2025-02-28")
    fixed = "\n".join(ln for ln in ORDERS.strip().splitlines() if "shipped" not in ln and ",a-2," not in ln)
    write(landing, f"shop/orders/{DAY}.csv", fixed)

    result = load(con, landing, "shop__orders", DAY)

    assert result.rows_landed == 8
    assert "unknown_value:status" not in result.quarantined_by_reason
    assert rows(con, f"select count(*) from raw.quarantine where export_date = '{DAY}'") == [(6,)]
    assert rows(con, "select count(*) from raw.quarantine where export_date = '2025-02-28'") == [(8,)]  # untouched
    assert rows(con, "select _export_date, count(*) from raw.shop__orders group by 1 order by 1") == [
        (dt.date(2025, 2, 28), 2), (dt.date(2025, 3, 1), 2)]


def test_csv_gz_and_parquet_load_like_csv(con, landing, tmp_path):
    write(landing, "shop/orders/2025-03-02.csv", ORDERS)
    write(landing, "shop/orders/2025-03-03.csv.gz", ORDERS)
    src = write(tmp_path, "orders.csv", ORDERS)
    # a Parquet export with real types: DOUBLE amounts, TIMESTAMPTZ times, an integer extra column
    duckdb.sql(f"""
        copy (select * replace (try_cast(order_total as double) as order_total,
                                try_cast(ordered_at as timestamptz) as ordered_at), 42 as batch
              from read_csv('{src}', all_varchar = true))
        to '{landing}/shop/orders/2025-03-04.parquet' (format parquet)""")

    results = [load(con, landing, "shop__orders", d) for d in ("2025-03-02", "2025-03-03", "2025-03-04")]

    assert [(r.rows_landed, r.rows_loaded) for r in results[:2]] == [(10, 2), (10, 2)]
    # Parquet typed 'twelve' and '01/03/2025 09:00' away (NULL): those rows are missing_required instead
    assert results[2].rows_landed == 10 and results[2].rows_loaded == 2
    assert results[2].quarantined_by_reason["missing_required:ordered_at"] == 1
    by_day = rows(con, """select _export_date, list((order_id, ordered_at, order_total) order by _line_number)
                          from raw.shop__orders group by 1 order by 1""")
    assert by_day[0][1] == by_day[1][1] == by_day[2][1]
    assert rows(con, "select _extra from raw.shop__orders where _export_date = '2025-03-04' and order_id = 'o-1'") == [
        ('{"coupon_code":"SPRING","batch":"42"}',)]
    assert rows(con, "select _line_number from raw.shop__orders where _export_date = '2025-03-04'") == [(1,), (10,)]


def test_timestamps_become_utc_except_store_local_pos_times(con, landing):
    write(landing, f"web/events/{DAY}.csv", """
        event_id,anonymous_id,event_type,occurred_at,received_at
        e-1,c-1,page_view,2025-03-01T10:00:00+01:00,2025-03-01 09:00:01
        e-2,c-1,page_view,2025-03-01T09:00:00.250Z,
        e-3,c-1,page_view,2025-03-01,2025-03-01T04:00:00-0500
    """)
    write(landing, f"pos/transactions/{DAY}.csv", """
        transaction_id,store_id,transacted_at,total_amount
        t-1,s-1,2025-03-01T10:00:00+01:00,10
        t-2,s-1,2025-03-01 10:00:00,10
    """)
    load(con, landing, "web__events", DAY)
    load(con, landing, "pos__transactions", DAY)
    assert rows(con, "select event_id, occurred_at, received_at from raw.web__events order by 1") == [
        ("e-1", dt.datetime(2025, 3, 1, 9), dt.datetime(2025, 3, 1, 9, 0, 1)),
        ("e-2", dt.datetime(2025, 3, 1, 9, 0, 0, 250000), None),
        ("e-3", dt.datetime(2025, 3, 1), dt.datetime(2025, 3, 1, 9)),
    ]
    assert rows(con, "select transacted_at from raw.pos__transactions order by 1") == [
        (dt.datetime(2025, 3, 1, 10),), (dt.datetime(2025, 3, 1, 10),)]


def test_whole_numbers_booleans_and_one_of_required(con, landing):
    write(landing, f"shop/order_lines/{DAY}.csv", """
        order_id,line_number,sku,quantity,unit_price
        o-1,1,SKU-1,2,9.5
        o-1,2,SKU-2,1.5,9.5
        o-1,3,SKU-3,0,9.5
        o-1,4,SKU-4,1e3,nan
    """)
    write(landing, f"crm/consents/{DAY}.csv", """
        crm_customer_id,purpose,channel,granted,recorded_at
        c-1,marketing,email,yes,2025-03-01T08:00:00Z
        c-1,marketing,sms,perhaps,2025-03-01T08:00:00Z
        c-1,marketing,email,false,2025-03-01 08:00:00
    """)
    write(landing, f"crm/erasure_requests/{DAY}.csv", """
        crm_customer_id,email,requested_at
        c-1,,2025-03-01T08:00:00Z
        ,  ,2025-03-01T08:00:00Z
        ,x@example.com,2025-03-01T08:00:00Z
    """)
    lines = load(con, landing, "shop__order_lines", DAY)
    consents = load(con, landing, "crm__consents", DAY)
    erasures = load(con, landing, "crm__erasure_requests", DAY)
    reasons = dict(rows(con, "select entity || ':' || line_number, reason from raw.quarantine"))
    assert reasons == {
        "order_lines:2": "bad_number:quantity",  # 1.5 is not a whole quantity
        "order_lines:3": "out_of_range:quantity",  # below the minimum of 1
        "order_lines:4": "bad_number:unit_price",  # nan is not a finite number
        "consents:2": "bad_boolean:granted",
        "consents:3": "duplicate_key",  # same instant as line 1, written differently
        "erasure_requests:2": "missing_one_of:crm_customer_id|email",
    }
    assert rows(con, "select quantity from raw.shop__order_lines order by line_number") == [(2,)]
    assert rows(con, "select granted from raw.crm__consents") == [(True,)]
    assert (lines.rows_loaded, consents.rows_loaded, erasures.rows_loaded) == (1, 1, 2)


def test_duplicates_are_per_export_day_across_files(con, landing):
    header = "event_id,anonymous_id,event_type,occurred_at"
    write(landing, f"web/events/{DAY}_a.csv", f"{header}\ne-1,c-1,login,2025-03-01T09:00:00Z")
    write(landing, f"web/events/{DAY}_b.csv", f"{header}\ne-2,c-1,login,2025-03-01T09:00:00Z\ne-1,c-1,login,2025-03-01T09:00:00Z")
    write(landing, "web/events/2025-03-02.csv", f"{header}\ne-1,c-1,login,2025-03-01T09:00:00Z")
    load(con, landing, "web__events", DAY)
    load(con, landing, "web__events", "2025-03-02")
    assert rows(con, "select source_file, line_number, detail from raw.quarantine") == [
        (f"web/events/{DAY}_b.csv", 2, f"duplicate key event_id=e-1: first seen in web/events/{DAY}_a.csv line 1")]
    assert rows(con, "select count(*) from raw.web__events where event_id = 'e-1'") == [(2,)]  # one per day


def test_a_day_without_files_leaves_raw_alone(con, landing):
    write(landing, f"shop/orders/{DAY}.csv", ORDERS)
    load(con, landing, "shop__orders", DAY)
    (landing / f"shop/orders/{DAY}.csv").unlink()  # landing pruned for retention
    result = load(con, landing, "shop__orders", DAY)
    assert (result.replaced, result.files, result.rows_loaded) == (False, (), 0)
    assert rows(con, "select count(*) from raw.shop__orders") == [(2,)]


def test_ensure_raw_tables_gives_every_table_empty_and_grows_old_ones(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute("create schema raw")
    con.execute("create table raw.shop__orders (order_id varchar, _export_date date)")
    con.execute("insert into raw.shop__orders values ('kept', '2025-01-01')")
    ensure_raw_tables(con)
    ensure_raw_tables(con)  # twice is fine
    tables = {t for (t,) in rows(con, "select table_name from information_schema.tables where table_schema = 'raw'")}
    assert tables == {e.table for e in ENTITIES} | {"quarantine", "unknown_exports"}
    assert rows(con, "select count(*) from raw.web__events") == [(0,)]
    cols = [c for (c,) in rows(con, "select column_name from information_schema.columns "
                                    "where table_schema = 'raw' and table_name = 'shop__orders'")]
    assert {"order_total", "_loaded_at", "_extra"} <= set(cols)
    assert rows(con, "select order_id from raw.shop__orders") == [("kept",)]


def test_unknown_exports_are_quarantined_once_per_file(con, landing):
    write(landing, f"erp/invoices/{DAY}.csv", "invoice_id\ni-1")
    write(landing, f"shop/returns/{DAY}.csv", "return_id\nr-1")
    unknown = discover(landing, [DAY]).unknown
    assert quarantine_unknown_exports(con, DAY, unknown) == 2
    assert quarantine_unknown_exports(con, DAY, unknown) == 2  # replaced, not doubled
    got = rows(con, "select source, entity, source_file, line_number, reason from raw.quarantine order by 1")
    assert got == [("erp", "invoices", f"erp/invoices/{DAY}.csv", None, "unknown_source"),
                   ("shop", "returns", f"shop/returns/{DAY}.csv", None, "unknown_entity")]
    assert "no source 'erp'" in rows(con, "select detail from raw.quarantine where source = 'erp'")[0][0]
    quarantine_unknown_exports(con, DAY, unknown[:1])
    assert rows(con, "select count(*) from raw.quarantine") == [(1,)]


def test_a_failure_mid_load_rolls_the_day_back(con, landing):
    write(landing, f"shop/orders/{DAY}.csv", ORDERS)
    load(con, landing, "shop__orders", DAY)
    con.execute("alter table raw.shop__orders add column must_not_be_null integer default 1")
    con.execute("alter table raw.shop__orders alter column must_not_be_null set not null")
    con.execute("alter table raw.shop__orders alter column must_not_be_null drop default")
    with pytest.raises(duckdb.Error):
        load(con, landing, "shop__orders", DAY)
    assert rows(con, "select count(*) from raw.shop__orders") == [(2,)]  # the old day is still there
    assert rows(con, "select count(*) from raw.quarantine") == [(8,)]
    files = discover(landing, [DAY]).for_table("shop__orders", DAY)
    con.execute("alter table raw.shop__orders drop column must_not_be_null")
    assert load_export_day(con, "shop__orders", DAY, files, landing).rows_loaded == 2


def test_whitespace_is_not_a_value_but_does_not_hide_one(con, landing):
    write(landing, f"web/events/{DAY}.csv", b"event_id,anonymous_id,event_type,occurred_at\n"
          b'e-1,"   ",page_view,2025-03-01T09:00:00Z\n'
          b'e-2,"\t",page_view,2025-03-01T09:00:00Z\n'
          b'e-3,c-1,page_view," 2025-03-01T09:00:00+01:00 "\n'
          b'e-4,c-1,page_view,"2025-03-01T09:00:00Z "\n'
          b'" e-5",c-1,page_view,2025-03-01\n')
    result = load(con, landing, "web__events", DAY)
    assert dict(rows(con, "select line_number, reason from raw.quarantine")) == {
        1: "missing_required:anonymous_id", 2: "missing_required:anonymous_id"}
    assert rows(con, "select event_id, occurred_at from raw.web__events order by _line_number") == [
        ("e-3", dt.datetime(2025, 3, 1, 8)), ("e-4", dt.datetime(2025, 3, 1, 9)), (" e-5", dt.datetime(2025, 3, 1))]
    assert result.rows_loaded == 3


def test_future_means_dated_more_than_one_day_after_the_export_date(con, landing):
    write(landing, f"loyalty/points/{DAY}.csv", """
        entry_id,loyalty_card_number,points,reason,occurred_at
        p-1,card-1,10,earn,2025-03-02T23:59:59Z
        p-2,card-1,10,earn,2025-03-03T00:00:00Z
        p-3,card-1,10,earn,2025-03-03T00:30:00+01:00
        p-4,card-1,-500,redeem,2020-01-01T00:00:00Z
    """)
    load(con, landing, "loyalty__points", DAY)
    assert rows(con, "select line_number, reason, detail from raw.quarantine") == [
        (2, "future_timestamp:occurred_at",
         f"occurred_at '2025-03-03T00:00:00Z' is more than 1 day after the export date {DAY}")]
    assert rows(con, "select entry_id from raw.loyalty__points order by 1") == [("p-1",), ("p-3",), ("p-4",)]


def _load_days_then_dump(landing, tmp_path, name, max_batch_bytes):
    con = duckdb.connect(str(tmp_path / f"{name}.duckdb"))
    ensure_raw_tables(con)
    days = ["2025-03-01", "2025-03-02", "2025-03-03"]
    found = discover(landing, days)
    results = load_export_days(con, "web__events", {d: found.for_table("web__events", d) for d in days}, landing,
                               max_batch_bytes=max_batch_bytes)
    raw = rows(con, "select * exclude (_loaded_at) from raw.web__events order by _export_date, _line_number")
    quarantine = rows(con, "select * exclude (quarantined_at) from raw.quarantine order by 1, 2, 3, 4, 5")
    con.close()
    return results, raw, quarantine


def test_a_batch_of_days_loads_like_one_day_at_a_time(landing, tmp_path):
    header = "event_id,anonymous_id,event_type,occurred_at"
    write(landing, "web/events/2025-03-01.csv", f"{header}\ne-1,c-1,login,2025-03-01T09:00:00Z\n"
                                                "e-2,c-1,login,2025-03-03T09:00:00Z")  # future for 1 March
    write(landing, "web/events/2025-03-02.csv", f"{header}\ne-1,c-1,login,2025-03-01T09:00:00Z\n"  # not a dup
                                                "e-3,c-1,login,2025-03-03T09:00:00Z\n"  # fine for 2 March
                                                "e-3,c-1,login,2025-03-03T09:00:00Z")  # a dup of line 2
    write(landing, "web/events/2025-03-03.csv", "")  # empty: rejected, the other days still load

    together, raw, quarantine = _load_days_then_dump(landing, tmp_path, "together", max_batch_bytes=1 << 30)
    alone, raw_alone, quarantine_alone = _load_days_then_dump(landing, tmp_path, "alone", max_batch_bytes=1)

    assert [r.batch_days for r in together] == [3, 3, 3] and [r.batch_days for r in alone] == [1, 1, 1]
    assert (raw, quarantine) == (raw_alone, quarantine_alone)
    assert [(r.export_date, r.rows_loaded, r.rows_quarantined, r.files_rejected) for r in together] == [
        ("2025-03-01", 1, 1, 0), ("2025-03-02", 2, 1, 0), ("2025-03-03", 0, 0, 1)]
    assert [(q[4].isoformat(), q[5]) for q in quarantine] == [
        ("2025-03-01", "future_timestamp:occurred_at"), ("2025-03-02", "duplicate_key"), ("2025-03-03", "file_empty")]
    assert "first seen in web/events/2025-03-02.csv line 2" in quarantine[1][6]
