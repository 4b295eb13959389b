"""Bad bytes cost one row, not a file (issue 20, point 5) and dates must be plausible (point 7)."""

from __future__ import annotations

import gzip
import json

import pytest
from landing_helpers import rows, write

from customer360.landing import load_export_day
from customer360.landing.files import discover
from customer360.landing.load import LoadOptions

DAY = "2025-03-01"
CRM_HEADER = "crm_customer_id,first_name,last_name,email,phone,birth_date,street,postcode,city,country,created_at,updated_at"


def crm_rows(n: int) -> list[str]:
    return [f"C{i:04d},Ann{i},Lee,ann{i}@mail.test,,1980-05-0{1 + i % 9},{i} High St,AB1 2CD,Leeds,GB,"
            f"2020-01-01T00:00:00Z,2025-02-28T10:00:00Z" for i in range(1, n + 1)]


def load(con, landing, table: str, options: LoadOptions | None = None):
    files = discover(landing, [DAY]).for_table(table, DAY)
    return load_export_day(con, table, DAY, files, landing, options=options)


# ------------------------------------------------------------------------------- bad bytes: one row, not a file


@pytest.mark.parametrize("suffix", [".csv", ".csv.gz"])
def test_one_latin1_byte_in_a_utf8_dump_quarantines_that_row_alone(con, landing, suffix):
    lines = crm_rows(842)
    lines[99] = lines[99].replace("Ann100", "Zo\xeb")  # line 100 written by a latin-1 system
    data = (CRM_HEADER + "\n" + "\n".join(lines) + "\n").encode("latin-1")
    path = landing / f"crm/customers/{DAY}{suffix}"
    path.parent.mkdir(parents=True)
    path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)

    result = load(con, landing, "crm__customers")

    assert (result.rows_landed, result.rows_loaded, result.rows_quarantined) == (842, 841, 1)
    assert result.rejected_files == ()
    ((line, reason, detail, payload),) = rows(con, "select line_number, reason, detail, payload from raw.quarantine")
    assert (line, reason) == (100, "bad_encoding")
    assert detail.startswith("not valid utf-8 text: line 100 holds byte 0xEB in column 2")
    assert "Zo\\xeb" in json.loads(payload)["line"]  # the row as far as it decodes, for the on-call
    # the rows after the bad one keep their line numbers
    assert rows(con, "select _line_number from raw.crm__customers where crm_customer_id = 'C0101'") == [(101,)]
    assert rows(con, "select count(*) from raw.crm__customers") == [(841,)]


def test_a_utf16_export_with_its_byte_order_mark_loads_every_row(con, landing):
    text = "shop_account_id,email,first_name,last_name,phone,created_at\n" + "".join(
        f"A{i},zoë{i}@mail.test,Zoë,Ñúñez,,2025-02-01T00:00:00Z\n" for i in range(433))
    path = landing / f"shop/accounts/{DAY}.csv"
    path.parent.mkdir(parents=True)
    path.write_bytes(text.encode("utf-16"))  # little-endian with its BOM, as Excel's "Unicode text"

    result = load(con, landing, "shop__accounts")

    assert (result.rows_loaded, result.rows_quarantined, result.rejected_files) == (433, 0, ())
    assert rows(con, "select first_name, last_name, email from raw.shop__accounts where shop_account_id = 'A7'") == [
        ("Zoë", "Ñúñez", "zoë7@mail.test")]


def test_a_utf8_byte_order_mark_is_not_part_of_the_first_column(con, landing):
    write(landing, f"shop/accounts/{DAY}.csv",
          "\ufeffshop_account_id,email,first_name,last_name,phone,created_at\nA1,a@b.test,Zoë,Lee,,2025-02-01T00:00:00Z\n"
          .encode())
    result = load(con, landing, "shop__accounts")
    assert (result.rows_loaded, result.rejected_files) == (1, ())


def test_a_source_declared_latin1_is_decoded_not_quarantined(con, landing):
    lines = crm_rows(3)
    lines[1] = lines[1].replace("Ann2", "Zoë")
    write(landing, f"crm/customers/{DAY}.csv", (CRM_HEADER + "\n" + "\n".join(lines) + "\n").encode("latin-1"))

    undeclared = load(con, landing, "crm__customers")
    assert (undeclared.rows_loaded, undeclared.rows_quarantined) == (2, 1)

    declared = load(con, landing, "crm__customers", LoadOptions(encodings=(("crm", "latin-1"),)))
    assert (declared.rows_loaded, declared.rows_quarantined) == (3, 0)
    assert rows(con, "select first_name from raw.crm__customers where crm_customer_id = 'C0002'") == [("Zoë",)]


def test_an_oversized_field_quarantines_its_row_with_the_cause_first(con, landing):
    lines = crm_rows(5)
    lines[2] = lines[2].replace("1 High St", "x" * (10 << 20)).replace("3 High St", "x" * (10 << 20))
    write(landing, f"crm/customers/{DAY}.csv", (CRM_HEADER + "\n" + "\n".join(lines) + "\n").encode())

    result = load(con, landing, "crm__customers")

    assert (result.rows_loaded, result.rows_quarantined, result.rejected_files) == (4, 1, ())
    ((line, reason, detail, payload),) = rows(con, "select line_number, reason, detail, payload from raw.quarantine")
    assert (line, reason) == (3, "row_too_large")
    assert detail.startswith("row too large: line 3 is 10,485,")
    assert "limit 1,048,576" in detail and "column 7 alone is 10,485,760" in detail
    assert len(payload) < 2000  # the quarantine keeps the start of the row, not 10 MB


def test_a_row_with_a_column_too_many_is_quarantined_alone(con, landing):
    lines = crm_rows(4)
    lines[1] = lines[1].replace("High St", "High St, Flat 2")  # an unquoted comma
    write(landing, f"crm/customers/{DAY}.csv", (CRM_HEADER + "\n" + "\n".join(lines) + "\n").encode())
    result = load(con, landing, "crm__customers")
    assert (result.rows_loaded, result.rows_quarantined) == (3, 1)
    assert rows(con, "select line_number, reason from raw.quarantine") == [(2, "wrong_column_count")]


def test_a_truncated_gzip_is_still_rejected_whole_with_its_rows_counted(con, landing):
    data = gzip.compress((CRM_HEADER + "\n" + "\n".join(crm_rows(2000)) + "\n").encode())
    write(landing, f"crm/customers/{DAY}.csv", b"")  # replaced below by a .gz of the same day
    (landing / f"crm/customers/{DAY}.csv").unlink()
    (landing / f"crm/customers/{DAY}.csv.gz").write_bytes(data[: len(data) // 2])

    result = load(con, landing, "crm__customers")

    assert result.rows_loaded == 0 and [r.reason for r in result.rejected_files] == ["file_unreadable"]
    assert result.rejected_files[0].detail.startswith("the compressed file is truncated")
    (payload,) = rows(con, "select payload from raw.quarantine")[0]
    assert json.loads(payload)["rows"] is None  # how many rows it lost cannot be told: estimated from its size
    from customer360.landing.contract import BY_TABLE
    from customer360.landing.quarantine import rejected_rows

    share = rejected_rows(con, BY_TABLE["crm__customers"], [DAY])
    assert share["rejected_rows"] > 100 and share["share"] == 1.0


def test_a_rejected_file_detail_names_no_value_of_the_file(con, landing):
    """A file without a header has data on its first line: the detail (shown in Dagster) must not copy it."""
    write(landing, f"crm/customers/{DAY}.csv", "C1,Zoë,Lee,zoe.lee@mail.test,07700900123,,,,,,,2025-02-01\n")
    result = load(con, landing, "crm__customers")
    (rejected,) = result.rejected_files
    assert rejected.reason == "file_missing_column:crm_customer_id"
    assert "zoe.lee@mail.test" not in rejected.detail and "Zoë" not in rejected.detail
    (payload,) = rows(con, "select payload from raw.quarantine")[0]
    assert "zoe.lee@mail.test" in payload  # kept in the warehouse, where an erasure can redact it


# ------------------------------------------------------------------------------- plausible dates


def test_placeholder_and_prehistoric_dates_are_quarantined_with_a_reason(con, landing):
    write(landing, f"shop/orders/{DAY}.csv", """
        order_id,shop_account_id,guest_email,ordered_at,status,order_total,currency,device_channel
        o-1,a-1,,2025-03-01T09:00:00Z,placed,10,EUR,web
        o-2,a-1,,1900-01-01T00:00:00Z,placed,10,EUR,web
        o-3,a-1,,0001-01-01T00:00:00Z,placed,10,EUR,web
        o-4,a-1,,1970-01-01T00:00:00Z,placed,10,EUR,web
        o-5,a-1,,1999-12-31T23:59:59Z,placed,10,EUR,web
        o-6,a-1,,2000-01-01T00:00:00Z,placed,10,EUR,web
    """)
    load(con, landing, "shop__orders")
    assert dict(rows(con, "select line_number, reason from raw.quarantine")) == {
        2: "too_early:ordered_at", 3: "too_early:ordered_at", 4: "epoch_placeholder:ordered_at",
        5: "too_early:ordered_at"}
    assert {r[0] for r in rows(con, "select order_id from raw.shop__orders")} == {"o-1", "o-6"}
    detail = rows(con, "select detail from raw.quarantine where line_number = 2")[0][0]
    assert detail == "ordered_at '1900-01-01T00:00:00Z' is before 2000-01-01 (the business start, C360_BUSINESS_START)"


def test_the_business_start_is_a_setting(con, landing):
    write(landing, f"shop/orders/{DAY}.csv", """
        order_id,shop_account_id,guest_email,ordered_at,status,order_total,currency,device_channel
        o-1,a-1,,2014-06-01T09:00:00Z,placed,10,EUR,web
        o-2,a-1,,2016-06-01T09:00:00Z,placed,10,EUR,web
    """)
    load(con, landing, "shop__orders", LoadOptions(business_start="2015-01-01"))
    assert rows(con, "select line_number, reason from raw.quarantine") == [(1, "too_early:ordered_at")]


def test_birth_dates_lie_between_1900_and_fourteen_years_before_the_export(con, landing):
    births = ["1899-12-31", "1900-01-01", "1970-01-01", "2011-03-01", "2011-03-02", "2999-01-01", "1984-07-15"]
    lines = [f"C{i},A,B,a{i}@m.test,,{b},,,,,,2025-02-01T00:00:00Z" for i, b in enumerate(births, 1)]
    write(landing, f"crm/customers/{DAY}.csv", CRM_HEADER + "\n" + "\n".join(lines) + "\n")
    load(con, landing, "crm__customers")
    assert dict(rows(con, "select line_number, reason from raw.quarantine")) == {
        1: "too_early:birth_date", 3: "epoch_placeholder:birth_date", 5: "too_late:birth_date",
        6: "too_late:birth_date"}
    assert sorted(r[0] for r in rows(con, "select crm_customer_id from raw.crm__customers")) == ["C2", "C4", "C7"]
