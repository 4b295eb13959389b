"""dbt builds every staging model on an empty landing (missing sources give empty tables, not errors)."""

from __future__ import annotations

import duckdb

from customer360.landing.contract import ENTITIES
from tests.warehouse import create_raw_warehouse


def test_empty_raw_builds_all_staging_and_macro_unit_tests_pass(tmp_path, dbt_runner):
    warehouse = tmp_path / "warehouse.duckdb"
    create_raw_warehouse(warehouse)

    result = dbt_runner(warehouse, "build", "--select", "staging", "int_calendar__as_of_date",
                        target_path=tmp_path / "target")

    assert result.returncode == 0, result.stdout[-3000:]
    assert "unit_test" in result.stdout  # the normalising macros' unit tests ran
    con = duckdb.connect(str(warehouse), read_only=True)
    views = {r[0] for r in con.execute(
        "select table_name from information_schema.tables where table_schema = 'staging'").fetchall()}
    assert views == {f"stg_{e.source}__{e.name}" for e in ENTITIES}
    assert con.execute("select count(*) from staging.stg_web__events").fetchone()[0] == 0
    con.close()
