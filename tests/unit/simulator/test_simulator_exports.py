"""The simulator's exports against the landing contract and against its own ground truth."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from customer360.landing import contract
from simulator import layout
from tests.unit.simulator._helpers import IDENTIFIER_COLUMNS, is_junk, normalise, relation, run_simulator

REPO = Path(__file__).resolve().parents[3]


def exported_identifiers(run, con) -> dict[str, set[str]]:
    """Raw identifier values per kind, as they appear in every export (bad rows included)."""
    found: dict[str, set[str]] = {}
    for (source, entity), cols in IDENTIFIER_COLUMNS.items():
        files = run.data_files(source, entity)
        names = ", ".join(f'"{c}"' for c, _ in cols)
        union = " union ".join(
            f'select \'{kind}\', "{c}"::varchar from src where "{c}" is not null' for c, kind in cols
        )
        rows = con.execute(f"with src as materialized (select {names} from {relation(con, files)}) {union}")
        for kind, value in rows.fetchall():
            found.setdefault(kind, set()).add(value)
    return found


@pytest.fixture(scope="module")
def exported(run) -> dict[str, set[str]]:
    con = duckdb.connect()
    try:
        return exported_identifiers(run, con)
    finally:
        con.close()


def truth_identifiers(run) -> dict[str, set[str]]:
    t = pq.read_table(run.truth / "identifiers.parquet").to_pylist()
    out: dict[str, set[str]] = {}
    for r in t:
        out.setdefault(r["identifier_type"], set()).add(r["identifier_value"])
    return out


# ---------------------------------------------------------------- the contract
def test_layout_is_the_landing_contract():
    ours = {s.name: s for s in layout.SPECS}
    theirs = {f"{e.source}/{e.name}": e for e in contract.ENTITIES}
    assert ours.keys() == theirs.keys()
    kinds = {
        "str": "VARCHAR",
        "ts": "TIMESTAMP",
        "lts": "TIMESTAMP",
        "date": "DATE",
        "int": "BIGINT",
        "float": "DOUBLE",
        "bool": "BOOLEAN",
    }
    for name, e in theirs.items():
        s = ours[name]
        extra = [c for c in s.column_names if c not in e.column_names]
        assert extra == ([layout.EXTRA_COLUMN[1]] if name == layout.EXTRA_COLUMN[0] else []), name
        assert [c for c in s.column_names if c in e.column_names] == e.column_names, name
        for c in e.columns:
            mine = s.col(c.name)
            assert (kinds[mine.kind], mine.required, mine.values) == (c.type, c.required, c.values), (
                name,
                c.name,
            )
            assert (mine.min, mine.max) == (c.min, c.max), (name, c.name)
        assert s.key == e.key and s.event_time == e.event_time, name
        if e.event_time:
            assert (s.col(e.event_time).kind == "lts") == e.local_time, name


def test_every_entity_is_exported_in_its_format(run):
    suffixes = set()
    for s in layout.SPECS:
        files = run.files(s.source, s.entity)
        assert files, f"no files for {s.name}"
        for p in files:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}\." + re.escape(s.fmt), p.name), p
        suffixes.add(s.fmt)
    assert suffixes == {"csv", "csv.gz", "parquet"}
    assert [p.name for p in run.files("pos", "stores")] == ["2025-01-01.csv"]


def test_good_rows_parse_to_contract_types_and_bad_rows_are_the_planted_ones(run, con):
    """Every row is either valid under the contract or one of the planted bad rows, per entity."""
    for e in contract.ENTITIES:
        files = run.data_files(e.source, e.name)
        rel = relation(con, files)
        header = {d[0] for d in con.execute(f"select * from {rel} limit 0").description}
        assert set(e.required) <= header, e.table
        assert header - {"filename"} <= set(e.column_names) | {"loyalty_opt_in_source"}, e.table
        flags = []
        for c in e.columns:
            q, v = f'"{c.name}"', f'"{c.name}"::varchar'
            if c.required:
                flags.append(f"{q} is null")
            if c.type != contract.VARCHAR:
                flags.append(f"({q} is not null and try_cast({v} as {c.type}) is null)")
            if c.min is not None:
                flags.append(f"try_cast({v} as double) < {c.min}")
            if c.max is not None:
                flags.append(f"try_cast({v} as double) > {c.max}")
            if c.values:
                flags.append(f"{v} not in ({', '.join(repr(x) for x in c.values)})")
        if e.event_time:
            flags.append(
                f'try_cast("{e.event_time}"::varchar as timestamp) >= '
                f"regexp_extract(filename, '(\\d{{4}}-\\d{{2}}-\\d{{2}})', 1)::date + interval 1 day"
            )
        if e.one_of_required:
            flags.append(" and ".join(f'"{c}" is null' for c in e.one_of_required))
        bad = " or ".join(f"coalesce({f}, false)" for f in flags)
        key = ", ".join(f"coalesce(\"{k}\"::varchar, '<null>')" for k in e.key)
        rows, flagged, dups = con.execute(f"""
            with flagged as (select *, ({bad}) as is_bad from {rel})
            select count(*), count(*) filter (where is_bad),
                   count(*) filter (where not is_bad)
                   - (select count(*) from (select distinct filename, {key} from flagged where not is_bad))
            from flagged""").fetchone()
        planted = sum(run.planted["bad_rows_by_entity"].get(f"{e.source}/{e.name}", {}).values())
        assert flagged + dups == planted, (e.table, rows, flagged, dups, planted)


def test_about_one_percent_of_rows_are_bad_and_of_many_kinds(run):
    p = run.planted
    assert 0.006 < p["bad_row_share"] < 0.015
    assert set(p["bad_rows"]) == {
        "null_required",
        "unparsable_timestamp",
        "negative_amount",
        "absurd_amount",
        "future_date",
        "wrong_type",
        "unknown_enum",
        "duplicate_key",
    }
    assert sum(p["rows_by_entity"].values()) == p["rows_written"]


def test_one_empty_file_and_one_file_missing_a_required_column(run):
    files = run.planted["files"]
    empty = run.landing / files["empty_file"]
    assert empty.exists() and empty.stat().st_size == 0
    empties = [p for p in run.landing.rglob("*") if p.is_file() and p.stat().st_size == 0]
    assert empties == [empty]
    missing = run.landing / files["missing_column"]["file"]
    header = missing.read_text().splitlines()[0].split(",")
    assert files["missing_column"]["column"] == "sku" and "sku" not in header and "order_id" in header


def test_csv_layout_timestamps_and_booleans(run):
    text = run.files("crm", "consents")[0].read_text()
    header, first = text.splitlines()[:2]
    assert header == "crm_customer_id,purpose,channel,granted,recorded_at"
    assert re.search(r",(true|false),\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", first)
    tx = run.files("pos", "transactions")[1].read_text().splitlines()[1]
    assert re.search(r",\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2},", tx), "POS time is local, without an offset"
    zones = {line.split(",")[-1] for line in run.files("pos", "stores")[0].read_text().splitlines()[1:]}
    assert zones == {"Europe/London", "Europe/Dublin", "Europe/Amsterdam"}


# ---------------------------------------------------------------- identifiers and truth
def test_every_exported_identifier_belongs_to_a_person_and_junk_to_nobody(run, exported):
    truth = truth_identifiers(run)
    assert set(truth) == {
        "crm_customer_id",
        "shop_account_id",
        "email",
        "phone",
        "loyalty_card_number",
        "device_id",
        "anonymous_id",
        "social_handle",
    }
    seen_junk: Counter = Counter()
    for kind, raws in exported.items():
        unknown = set()
        for raw in raws:
            if is_junk(kind, raw):
                seen_junk[kind] += 1
                assert normalise(kind, raw) not in truth[kind]
            elif normalise(kind, raw) not in truth[kind]:
                unknown.add(raw)
        assert not unknown, (kind, sorted(unknown)[:5])
    assert {"email", "phone", "loyalty_card_number"} <= set(seen_junk)
    assert "test@example.com" not in truth["email"]


def test_messy_spellings_of_identifiers_are_exported(exported):
    found = exported
    emails = found["email"]
    assert any(e != e.strip() for e in emails) and any(e.strip() != e.strip().lower() for e in emails)
    phones = found["phone"]
    for pattern in (r"^\+\d+$", r"^\+44 \d", r"^0\d{3,4} ", r"^00\d+ \d+-", r"^\+44 \(0\)"):
        assert any(re.match(pattern, p) for p in phones), pattern
    cards = found["loyalty_card_number"]
    assert (
        any(" " in c for c in cards)
        and any("-" in c for c in cards)
        and any(c.startswith("lc") for c in cards)
    )
    assert any(h.startswith("@") and h != h.lower() for h in found["social_handle"])


def test_truth_lists_each_persons_identifiers_and_households_share_phones(run):
    ids = pq.read_table(run.truth / "identifiers.parquet")
    assert ids.column_names == ["identifier_type", "identifier_value", "person_id"]
    persons = pq.read_table(run.truth / "persons.parquet").to_pylist()
    household = {p["person_id"]: p["household_id"] for p in persons}
    assert len(persons) == 4000 and {
        "first_name",
        "birth_date",
        "city",
        "home_store_id",
        "signup_date",
    } <= set(persons[0])
    owners: dict[tuple, set] = {}
    kinds_of: dict[str, set] = {}
    for r in ids.to_pylist():
        owners.setdefault((r["identifier_type"], r["identifier_value"]), set()).add(r["person_id"])
        kinds_of.setdefault(r["person_id"], set()).add(r["identifier_type"])
    assert set(kinds_of) == set(household), "every person owns identifiers"
    assert all("email" in k for k in kinds_of.values())
    shared = {key: p for key, p in owners.items() if len(p) > 1}
    assert shared and all(key[0] == "phone" for key in shared), "only household phones are shared"
    assert all(len({household[p] for p in people}) == 1 for people in shared.values())
    assert any(len(p) >= 3 for p in shared.values())
    assert any(v.startswith("+44") for t, v in owners if t == "phone")


def test_duplicate_crm_records_share_an_email_or_phone(run, con):
    """The easy duplicates; the fuzzy ones (truth/planted_records.parquet) share nothing on purpose."""
    ids = pq.read_table(run.truth / "identifiers.parquet").to_pylist()
    person_of = {
        r["identifier_value"]: r["person_id"] for r in ids if r["identifier_type"] == "crm_customer_id"
    }
    fuzzy = set(pq.read_table(run.truth / "planted_records.parquet").column("identifier_value").to_pylist())
    rel = relation(con, run.data_files("crm", "customers"))
    rows = con.execute(
        f"select distinct crm_customer_id, email, phone from {rel} where crm_customer_id is not null"
    )
    by_person: dict[str, list] = {}
    for cid, email, phone in rows.fetchall():
        if cid in fuzzy:
            continue
        by_person.setdefault(person_of[cid], []).append(
            (cid, normalise("email", email) if email else None, normalise("phone", phone) if phone else None)
        )
    dups = [recs for recs in by_person.values() if len({r[0] for r in recs}) > 1]
    assert len(dups) >= 10
    linked = 0
    for recs in dups:
        emails = Counter(r[1] for r in {r[0]: r for r in recs}.values() if r[1])
        phones = Counter(r[2] for r in {r[0]: r for r in recs}.values() if r[2])
        linked += any(v > 1 for v in emails.values()) or any(v > 1 for v in phones.values())
    assert linked / len(dups) > 0.7


# ---------------------------------------------------------------- deliveries
@pytest.mark.parametrize("source", ["web", "app"])
def test_late_and_duplicate_deliveries_of_events(run, con, source):
    rel = relation(con, run.data_files(source, "events"))
    per_event = con.execute(f"""
        select event_id, count(distinct filename) as files, count(*) as rows,
               min(regexp_extract(filename, '(\\d{{4}}-\\d{{2}}-\\d{{2}})', 1)::date
                   - try_cast(occurred_at as timestamp)::date) as lag_days
        from {rel} where event_id is not null group by event_id""").fetchall()
    extra_deliveries = sum(r[1] - 1 for r in per_event)
    late_rows = sum(r[2] for r in per_event if r[1] == 1 and r[3] is not None and r[3] >= 1)
    planted = run.planted["mess_by_entity"][f"{source}/events"]
    assert 0.9 * planted["duplicate_delivery"] <= extra_deliveries <= planted["duplicate_delivery"]
    assert extra_deliveries >= 5, "the same event exported again on a later day"
    assert abs(late_rows - planted["late_event"]) <= 0.05 * planted["late_event"]
    assert late_rows >= 50 and max(r[3] for r in per_event if r[3] is not None and r[1] == 1) <= 5


def test_planted_mess_is_counted_where_it_was_written(run):
    mess = run.planted["mess_by_entity"]
    assert mess["crm/customers"]["duplicate_crm_record"] >= 10 and mess["crm/customers"]["name_typo"] > 0
    assert mess["pos/transactions"]["store_default_card"] > 0 and mess["pos/transactions"]["card_format"] > 0
    assert mess["shop/accounts"]["email_case_whitespace"] > 0 and mess["crm/customers"]["phone_format"] > 0
    assert sum(m.get("junk_email", 0) for m in mess.values()) > 0
    assert sum(m.get("junk_phone", 0) for m in mess.values()) > 0


def test_orders_are_cancelled_or_returned_in_a_later_export(run, con):
    rel = relation(con, run.data_files("shop", "orders"))
    rows = con.execute(f"""
        select status, count(*) from (
            select order_id, status, min(filename) as f from {rel} group by all) s
        join (select order_id, min(filename) as placed_file from {rel} where status = 'placed' group by all) p
          using (order_id)
        where status in ('cancelled', 'returned') and f > placed_file group by status""").fetchall()
    assert dict(rows).keys() == {"cancelled", "returned"}


# ---------------------------------------------------------------- reproducibility and the CLI
def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_same_seed_gives_identical_bytes_and_another_seed_does_not(tmp_path):
    a = run_simulator(tmp_path / "a", persons=300, days=6, seed=5)
    cli = subprocess.run(
        [
            sys.executable,
            "-m",
            "simulator",
            "--persons",
            "300",
            "--days",
            "6",
            "--seed",
            "5",
            "--out",
            str(tmp_path / "b" / "landing"),
            "--quiet",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert cli.returncode == 0, cli.stderr
    c = run_simulator(tmp_path / "c", persons=300, days=6, seed=6)
    da, db, dc = _digest(a.landing.parent), _digest(tmp_path / "b"), _digest(c.landing.parent)
    assert len(da) > 30 and "truth/identifiers.parquet" in db  # the CLI puts truth beside the landing folder
    assert da == db
    assert da != dc and sum(da[k] != dc.get(k) for k in da) > len(da) / 2
