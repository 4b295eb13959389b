"""Build the real dbt project on the hand-made population (dataset.py) in a tmp DuckDB file.

dbt runs in a subprocess (its in-process runner keeps the DuckDB file open). One warehouse per as_of_date
per test session: June (the main one) and March (the rebuild-as-of test).
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from tests import warehouse as dbt_warehouse

from .dataset import AS_OF, CUSTOMERS, EARLY_AS_OF, load_raw


def run_dbt(warehouse: Path, *args: str) -> dict:
    """Run dbt against the warehouse file; return run_results.json. Fails the test on a dbt error."""
    target = warehouse.parent / f"target-{warehouse.stem}"
    result = dbt_warehouse.run_dbt(warehouse, *args, target_path=target)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    return json.loads((target / "run_results.json").read_text())


def build_warehouse(directory: Path, as_of_date: str, extra_vars: str = "") -> tuple[Path, dict]:
    warehouse = directory / f"loyalty_{as_of_date.replace('-', '')}.duckdb"
    con = duckdb.connect(str(warehouse))
    load_raw(con)
    con.close()
    results = run_dbt(warehouse, "build", "--exclude", "test_type:unit", "--vars", f"{{as_of_date: '{as_of_date}'{extra_vars}}}")
    return warehouse, results


@pytest.fixture(scope="session")
def june(tmp_path_factory) -> tuple[Path, dict]:
    # cap 3: Alice already got 2 email campaigns in the week, so 1 slot is left for her audiences
    return build_warehouse(tmp_path_factory.mktemp("june"), AS_OF, ", audience_frequency_cap: 3")


@pytest.fixture(scope="session")
def march(tmp_path_factory) -> tuple[Path, dict]:
    return build_warehouse(tmp_path_factory.mktemp("march"), EARLY_AS_OF)


def customer_ids(warehouse: Path) -> dict[str, str]:
    """{crm_customer_id: customer_id} of the built warehouse, from the identity bridge.

    Erased persons are absent from the bridge, so an erased crm id has no entry."""
    rows = query(warehouse, "select identifier_value, customer_id from marts.bdg_customer_identifiers "
                            "where identifier_type = 'crm_customer_id'")
    return {r["identifier_value"]: r["customer_id"] for r in rows}


@pytest.fixture(scope="session")
def june_ids(june) -> dict[str, str]:
    ids = customer_ids(june[0])
    # every CRM customer but Carol (erased) is a customer of their own: nobody merged, nobody split
    assert set(ids) == {c[0] for c in CUSTOMERS} - {"C3"}
    assert len(set(ids.values())) == len(ids)
    return ids


@pytest.fixture(scope="session")
def march_ids(march) -> dict[str, str]:
    ids = customer_ids(march[0])
    assert set(ids) == {c[0] for c in CUSTOMERS} - {"C3"}  # Carol's erasure (20 March) already holds on 31 March
    assert len(set(ids.values())) == len(ids)
    return ids


def query(warehouse: Path, sql: str) -> list[dict]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        cursor = con.execute(sql)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]
    finally:
        con.close()
