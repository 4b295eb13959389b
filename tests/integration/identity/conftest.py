"""One simulated history, built once per session: first build, a rerun without new data, a build
after new data arrived. Each test reads the snapshot taken after the stage it is about."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.integration.identity import scenario
from tests.warehouse import create_raw_warehouse, insert_rows, query, run_dbt

SELECT = ["--select", "+path:models/marts/identity", "+path:models/intermediate/identity",
          "--indirect-selection", "cautious"]  # not the tests of marts built on top of identity
VARS = ["--vars", json.dumps({"as_of_date": scenario.AS_OF_DATE})]


@dataclass
class Snapshot:
    ids: dict[tuple[str, str], str]  # (identifier_type, value) -> customer_id, every clustered identifier
    bridge: dict[tuple[str, str], str]
    customers: dict[str, dict]  # dim_customers by customer_id
    blocked: dict[tuple[str, str], dict]
    changes: list[dict]
    erasures: list[dict]
    erased_identifiers: set[tuple[str, str]]
    order_customers: dict[str, str | None]  # order_id -> customer_id through the bridge

    def customer_of(self, identifier_type: str, value: str) -> dict:
        return self.customers[self.bridge[(identifier_type, value)]]


def _rows(warehouse: Path, sql: str) -> list[dict]:
    from duckdb import connect

    with connect(str(warehouse), read_only=True) as con:
        result = con.execute(sql)
        names = [d[0] for d in result.description]
        return [dict(zip(names, row)) for row in result.fetchall()]


def snapshot(warehouse: Path) -> Snapshot:
    ids = {(t, v): c for t, v, c in query(
        warehouse, "select identifier_type, identifier_value, customer_id from intermediate.int_identity__customer_ids")}
    bridge = {(t, v): c for t, v, c in query(
        warehouse, "select identifier_type, identifier_value, customer_id from marts.bdg_customer_identifiers")}
    customers = {r["customer_id"]: r for r in _rows(warehouse, "select * from marts.dim_customers")}
    blocked = {(r["identifier_type"], r["identifier_value"]): r
               for r in _rows(warehouse, "select * from intermediate.int_identity__blocked_identifiers")}
    changes = _rows(warehouse, "select * from marts.customer_id_changes order by changed_at, old_customer_id")
    erasures = _rows(warehouse, "select * from intermediate.int_identity__erasures")
    erased = set(query(warehouse, "select identifier_type, identifier_value from intermediate.int_identity__erased_identifiers"))
    orders = dict(query(warehouse, """
        select orders.order_id, coalesce(by_account.customer_id, by_email.customer_id)
        from staging.stg_shop__orders as orders
        left join marts.bdg_customer_identifiers as by_account
            on by_account.identifier_type = 'shop_account_id' and by_account.identifier_value = orders.shop_account_id
        left join marts.bdg_customer_identifiers as by_email
            on by_email.identifier_type = 'email' and by_email.identifier_value = orders.guest_email
    """))
    return Snapshot(ids, bridge, customers, blocked, changes, erasures, erased, orders)


def build(warehouse: Path, target: Path, *extra: str) -> None:
    result = run_dbt(warehouse, "build", *SELECT, *VARS, *extra, target_path=target)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]


@dataclass
class IdentityRuns:
    warehouse: Path
    first: Snapshot
    rerun: Snapshot
    after_new_data: Snapshot


@pytest.fixture(scope="session")
def identity_runs(tmp_path_factory) -> IdentityRuns:
    root = tmp_path_factory.mktemp("identity")
    warehouse, target = root / "warehouse.duckdb", root / "target"
    create_raw_warehouse(warehouse)
    for table, rows in scenario.STAGE_1.items():
        insert_rows(warehouse, table, rows, export_date="2024-06-20")

    build(warehouse, target)
    first = snapshot(warehouse)
    build(warehouse, target, "--exclude", "test_type:unit")
    rerun = snapshot(warehouse)
    for table, rows in scenario.STAGE_2.items():
        insert_rows(warehouse, table, rows, export_date="2024-06-21")
    build(warehouse, target, "--exclude", "test_type:unit")
    return IdentityRuns(warehouse, first, rerun, snapshot(warehouse))
