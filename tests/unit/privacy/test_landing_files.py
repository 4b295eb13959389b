"""Landing files rewritten without an erased person's rows (C360_ERASE_LANDING=1), addressed as the loader
numbers them; and the rollback copy dropped when an erasure is newer than it (issue 20, point 3)."""

from __future__ import annotations

import datetime as dt
import gzip
import os

import duckdb

from customer360.landing import load_export_day
from customer360.landing.files import discover
from customer360.privacy.landing_files import rewrite_without_rows
from customer360.serving.publish import drop_previous_if_erased, previous_path

HEADER = "crm_customer_id,first_name,last_name,email,phone,birth_date,street,postcode,city,country,created_at,updated_at\n"
ROWS = ['C1,Ann,Lee,ann@m.test,,,"1 High St\nFlat 2",,,,,2025-02-01T00:00:00Z',  # a quoted newline: one record
        "C2,Zoë,Quartermaine,zq@m.test,,,,,,,,2025-02-01T00:00:00Z",
        "",  # a blank line: not counted
        "C3,Bo,Ek,bo@m.test,,,,,,,,2025-02-01T00:00:00Z"]


def loaded_ids(tmp_path, landing) -> list[tuple]:
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    files = discover(landing, ["2025-03-01"]).for_table("crm__customers", "2025-03-01")
    load_export_day(con, "crm__customers", "2025-03-01", files, landing)
    rows = con.execute("select _line_number, crm_customer_id from raw.crm__customers order by 1").fetchall()
    con.close()
    return rows


def test_the_erased_rows_go_and_the_others_stay_at_the_loader_s_line_numbers(tmp_path):
    landing = tmp_path / "landing"
    path = landing / "crm" / "customers" / "2025-03-01.csv"
    path.parent.mkdir(parents=True)
    path.write_text(HEADER + "\n".join(ROWS) + "\n")
    assert loaded_ids(tmp_path, landing) == [(1, "C1"), (2, "C2"), (3, "C3")]

    assert rewrite_without_rows(path, {2}) == 1

    text = path.read_text()
    assert "Quartermaine" not in text and "zq@m.test" not in text and "1 High St\nFlat 2" in text
    assert loaded_ids(tmp_path, landing) == [(1, "C1"), (2, "C3")]
    assert not any(p.name.startswith(".") for p in path.parent.iterdir())  # no temporary file left


def test_gzip_utf16_and_parquet_files_are_rewritten_in_their_own_form(tmp_path):
    gz = tmp_path / "a.csv.gz"
    gz.write_bytes(gzip.compress((HEADER + "\n".join(ROWS) + "\n").encode()))
    assert rewrite_without_rows(gz, {2, 3}) == 2
    assert gzip.decompress(gz.read_bytes()).decode().count("C") == HEADER.count("C") + 1

    utf16 = tmp_path / "b.csv"
    utf16.write_bytes((HEADER + "\n".join(ROWS) + "\n").encode("utf-16"))
    assert rewrite_without_rows(utf16, {1}) == 1
    assert utf16.read_bytes()[:2] == b"\xff\xfe" and "Zoë" in utf16.read_text(encoding="utf-16")

    parquet = tmp_path / "c.parquet"
    duckdb.sql(f"copy (select 'C' || i as id, 'x' || i as email from range(1, 6) t(i)) to '{parquet}' (format parquet)")
    assert rewrite_without_rows(parquet, {2, 4}) == 2
    assert duckdb.sql(f"select id from read_parquet('{parquet}')").fetchall() == [("C1",), ("C3",), ("C5",)]


def test_the_rollback_copy_goes_when_an_erasure_is_newer_than_it(tmp_path):
    serving = tmp_path / "customer360.duckdb"
    previous = previous_path(serving)
    previous.write_bytes(b"the last publish")
    built = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(hours=1)
    os.utime(previous, (built.replace(tzinfo=dt.UTC).timestamp(),) * 2)

    assert not drop_previous_if_erased(serving, None)  # nobody ever erased
    assert not drop_previous_if_erased(serving, built - dt.timedelta(days=1))  # erased before it was built
    assert previous.exists()
    assert drop_previous_if_erased(serving, built + dt.timedelta(minutes=5))  # it may hold the person
    assert not previous.exists()
