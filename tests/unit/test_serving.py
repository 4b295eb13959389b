"""Publish: PII hashed, atomic swap, old file untouched on failure, readers undisturbed."""

from __future__ import annotations

import hashlib
import os
import re

import duckdb
import pytest

from customer360.dbt_artifacts import TableDocs
from customer360.serving import parse_rule, pii_hash, previous_path, publish_marts, rollback, rules_from_meta


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


# ------------------------------------------------------------------ pseudonymise by purpose, documented


def make_bridge(path):
    con = duckdb.connect(str(path))
    con.execute("create schema marts")
    con.execute("""create table marts.bdg_customer_identifiers as select * from (values
        ('c1', 'crm_customer_id', 'CRM-0001'), ('c1', 'email', 'jane@example.org'),
        ('c1', 'loyalty_card_number', 'LC123'), ('c2', 'phone', '+447700900123'), ('c2', 'email', null))
        as t(customer_id, identifier_type, identifier_value)""")
    con.execute("""create table marts.dim_customers as select 'c1' as customer_id, date '1980-05-01' as birth_date,
                   '35-44' as age_band, 'Jane' as first_name""")
    con.execute("""create table marts.marketing_audiences as select 'c1' as customer_id,
                   sha256('jane@example.org') as email_sha256""")
    con.close()


RULES = {
    "bdg_customer_identifiers": {"identifier_value": parse_rule(
        {"treatment": "salted_hash",
         "readable_when": {"identifier_type": ["crm_customer_id", "shop_account_id", "loyalty_card_number"]}})},
    "dim_customers": {"birth_date": parse_rule("drop"), "first_name": parse_rule("salted_hash")},
    "marketing_audiences": {"email_sha256": parse_rule("activation_hash")},
}


def test_system_keys_stay_readable_contact_data_is_hashed_and_birth_dates_are_left_out(tmp_path):
    warehouse, serving = tmp_path / "warehouse.duckdb", tmp_path / "customer360.duckdb"
    make_bridge(warehouse)

    result = publish_marts(warehouse, serving, RULES, salt="s")

    con = duckdb.connect(str(serving), read_only=True)
    bridge = dict(con.execute("select identifier_type || ':' || coalesce(identifier_value, 'NULL'), customer_id "
                              "from marts.bdg_customer_identifiers").fetchall())
    customer_columns = [r[0] for r in con.execute("describe marts.dim_customers").fetchall()]
    first_name, age_band = con.execute("select first_name, age_band from marts.dim_customers").fetchone()
    (audience_hash,) = con.execute("select email_sha256 from marts.marketing_audiences").fetchone()
    con.close()
    assert set(bridge) == {"crm_customer_id:CRM-0001", "loyalty_card_number:LC123",  # the CRM team's own keys
                           f"email:{pii_hash('jane@example.org', 's')}", f"phone:{pii_hash('+447700900123', 's')}",
                           "email:NULL"}
    assert customer_columns == ["customer_id", "age_band", "first_name"]
    assert (first_name, age_band) == (pii_hash("Jane", "s"), "35-44")
    # what an ad platform matches: the plain SHA-256 of the normalised email, no salt
    assert audience_hash == hashlib.sha256(b"jane@example.org").hexdigest()
    assert result.dropped_columns == {"dim_customers": ["birth_date"]}
    assert result.hashed_columns == {"bdg_customer_identifiers": ["identifier_value"], "dim_customers": ["first_name"]}


def test_an_activation_hash_column_holding_a_plain_email_is_not_published(tmp_path):
    warehouse, serving = tmp_path / "warehouse.duckdb", tmp_path / "customer360.duckdb"
    make_bridge(warehouse)
    with duckdb.connect(str(warehouse)) as con:
        con.execute("update marts.marketing_audiences set email_sha256 = 'jane@example.org'")

    with pytest.raises(ValueError, match="email_sha256: 1 value"):
        publish_marts(warehouse, serving, RULES, salt="s")
    assert not serving.exists()


def test_a_rule_naming_a_missing_column_or_an_unknown_treatment_fails_loudly(tmp_path):
    warehouse, serving = tmp_path / "warehouse.duckdb", tmp_path / "customer360.duckdb"
    make_bridge(warehouse)
    with pytest.raises(ValueError, match=re.escape("does not have: ['email']")):
        publish_marts(warehouse, serving, {"dim_customers": {"email": parse_rule("salted_hash")}}, salt="s")
    with pytest.raises(ValueError, match="treatment one of"):
        parse_rule("encrypt", "dim_customers.email")
    with pytest.raises(ValueError, match="a salt is required"):
        publish_marts(warehouse, serving, RULES, salt="")
    assert rules_from_meta({"m": {"a": "keep", "b": "drop"}}) == {"m": {"b": parse_rule("drop")}}


def test_tables_and_columns_carry_their_dbt_docs_as_comments(tmp_path):
    warehouse, serving = tmp_path / "warehouse.duckdb", tmp_path / "customer360.duckdb"
    make_bridge(warehouse)
    docs = {"dim_customers": TableDocs("One row per person.", {"age_band": "Age band as of as_of_date.",
                                                                "first_name": "First name."})}

    publish_marts(warehouse, serving, RULES, salt="s", docs=docs)

    con = duckdb.connect(str(serving), read_only=True)
    (table_comment,) = con.execute("select comment from duckdb_tables() where table_name = 'dim_customers'").fetchone()
    columns = dict(con.execute("select column_name, comment from duckdb_columns() "
                               "where table_name = 'dim_customers'").fetchall())
    identifier = con.execute("select comment from duckdb_columns() where table_name = 'bdg_customer_identifiers' "
                             "and column_name = 'identifier_value'").fetchone()[0]
    con.close()
    assert table_comment == "One row per person."
    assert columns["age_band"] == "Age band as of as_of_date."
    assert columns["first_name"].startswith("First name. Published as the hex SHA-256 of PII_SALT || value")
    assert "crm_customer_id, shop_account_id, loyalty_card_number: those system keys stay readable" in identifier


def test_the_file_is_written_in_the_storage_version_asked_for(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    make_bridge(warehouse)
    # DuckDB names a format by the first version writing it: v1.1.0 writes v1.0.0's, which 1.0 and up read
    for version, reported in (("v1.1.0", "v1.0.0+"), ("v2.0.0", "v2.0.0+")):
        serving = tmp_path / version / "customer360.duckdb"
        publish_marts(warehouse, serving, RULES, salt="s", storage_version=version)
        con = duckdb.connect()
        con.execute(f"attach '{serving}' as s (read_only)")
        (tags,) = con.execute("select tags from duckdb_databases() where database_name = 's'").fetchone()
        con.close()
        assert tags["storage_version"] == reported
