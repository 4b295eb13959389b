"""The manifest Dagster builds its asset graph from is re-parsed when the dbt project changed."""

import os
import time
from pathlib import Path

from customer360.dbt_artifacts import manifest_is_stale


def _project(tmp_path):
    (tmp_path / "models" / "marts").mkdir(parents=True)
    (tmp_path / "dbt_project.yml").write_text("name: x\n")
    model = tmp_path / "models" / "marts" / "dim_customers.sql"
    model.write_text("select 1 as customer_id\n")
    manifest = tmp_path / "target" / "manifest.json"
    manifest.parent.mkdir()
    return model, manifest


def test_a_missing_manifest_is_stale(tmp_path):
    _, manifest = _project(tmp_path)
    assert manifest_is_stale(manifest, tmp_path)


def test_a_manifest_newer_than_every_source_is_current(tmp_path):
    _, manifest = _project(tmp_path)
    manifest.write_text("{}")
    assert not manifest_is_stale(manifest, tmp_path)


def test_a_new_or_edited_model_makes_the_manifest_stale(tmp_path):
    model, manifest = _project(tmp_path)
    manifest.write_text("{}")
    past = time.time() - 60
    os.utime(manifest, (past, past))
    (model.parent / "fct_new.sql").write_text("select 1 as id\n")  # a model added after the parse
    assert manifest_is_stale(manifest, tmp_path)


def test_the_privacy_inputs_dbt_creates_have_the_python_columns():
    """dbt creates audit.erasure_ledger and raw.quarantine when missing (on-run-start); Python writes them."""
    import re

    import duckdb

    from customer360.landing.contract import QUARANTINE_COLUMNS
    from customer360.privacy import ensure_privacy_tables

    macro = (Path(__file__).resolve().parents[2] / "macros" / "create_privacy_inputs.sql").read_text()

    def columns_in_macro(table: str) -> list[tuple[str, str]]:
        body = re.search(rf"create table if not exists {re.escape(table)} \((.*?)\)", macro, re.DOTALL).group(1)
        return [tuple(part.split()) for part in (p.strip() for p in body.split(",")) if part]

    con = duckdb.connect()
    ensure_privacy_tables(con)
    ledger = con.execute("select column_name, lower(data_type) from information_schema.columns "
                         "where table_name = 'erasure_ledger' order by ordinal_position").fetchall()
    assert columns_in_macro("audit.erasure_ledger") == ledger
    assert columns_in_macro("raw.quarantine") == [(n, t.lower()) for n, t in QUARANTINE_COLUMNS]
