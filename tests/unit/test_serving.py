"""Publish: PII hashed, atomic swap, old file untouched on failure, readers undisturbed."""

from __future__ import annotations

import hashlib
import os

import duckdb
import pytest

from customer360.serving import pii_hash, previous_path, publish_marts, rollback


def make_warehouse(path, emails):
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    con.execute("create table marts.dim_customers (customer_id varchar, email varchar, city varchar)")
    con.executemany("insert into marts.dim_customers values (?, ?, 'Leeds')", [(f"c{i}", e) for i, e in enumerate(emails)])
    con.execute("create schema staging")
    con.execute("create table staging.not_published as select 1 as x")
    con.close()


def test_publish_hashes_pii_with_the_salt_and_copies_only_marts(tmp_path):
    warehouse, serving = tmp_path / "w.duckdb", tmp_path / "serving" / "customer360.duckdb"
    make_warehouse(warehouse, ["jane@example.org", None])

    result = publish_marts(warehouse, serving, {"dim_customers": {"email"}}, salt="s3cret")

    con = duckdb.connect(str(serving), read_only=True)
    rows = con.execute("select customer_id, email, city from marts.dim_customers order by 1").fetchall()
    schemas = {r[0] for r in con.execute("select schema_name from information_schema.schemata").fetchall()}
    con.close()
    assert rows == [("c0", hashlib.sha256(b"s3cretjane@example.org").hexdigest(), "Leeds"), ("c1", None, "Leeds")]
    assert pii_hash("jane@example.org", "s3cret") == rows[0][1]  # what a search for a person's hash must use
    assert "staging" not in schemas
    assert result.tables == {"dim_customers": 2}
    assert result.hashed_columns == {"dim_customers": ["email"]}
    assert not os.access(serving, os.W_OK) or os.geteuid() == 0  # published read-only (root ignores modes)
    assert oct(serving.stat().st_mode & 0o777) == "0o444"


def test_failed_publish_leaves_serving_file_byte_identical(tmp_path):
    warehouse, serving = tmp_path / "w.duckdb", tmp_path / "customer360.duckdb"
    make_warehouse(warehouse, ["a@b.co"])
    publish_marts(warehouse, serving, {}, salt="x")
    before = serving.read_bytes()

    with pytest.raises(duckdb.Error):
        publish_marts(tmp_path / "missing" / "w.duckdb", serving, {}, salt="x")

    assert serving.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if "building" in p.name] == []


def test_reader_holding_the_file_open_keeps_reading_across_a_publish(tmp_path):
    warehouse, serving = tmp_path / "w.duckdb", tmp_path / "customer360.duckdb"
    make_warehouse(warehouse, ["a@b.co"])
    publish_marts(warehouse, serving, {}, salt="x")
    reader = duckdb.connect(str(serving), read_only=True)

    make_warehouse(tmp_path / "w2.duckdb", ["a@b.co", "c@d.co", "e@f.co"])
    publish_marts(tmp_path / "w2.duckdb", serving, {}, salt="x")

    assert reader.execute("select count(*) from marts.dim_customers").fetchone()[0] == 1  # its snapshot
    reader.close()
    fresh = duckdb.connect(str(serving), read_only=True)
    assert fresh.execute("select count(*) from marts.dim_customers").fetchone()[0] == 3
    fresh.close()


def test_rollback_restores_the_previous_publish(tmp_path):
    serving = tmp_path / "customer360.duckdb"
    make_warehouse(tmp_path / "w1.duckdb", ["a@b.co"])
    make_warehouse(tmp_path / "w2.duckdb", ["a@b.co", "c@d.co"])
    publish_marts(tmp_path / "w1.duckdb", serving, {}, salt="x")
    first = serving.read_bytes()
    publish_marts(tmp_path / "w2.duckdb", serving, {}, salt="x")
    assert previous_path(serving).read_bytes() == first

    rollback(serving)

    assert serving.read_bytes() == first
