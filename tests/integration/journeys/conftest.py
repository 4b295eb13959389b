"""A tmp warehouse with the raw schema from the landing contract, and real dbt in a subprocess.

dbt runs out of process (its in-process runner keeps the DuckDB file open), with absolute paths and
a target path of its own, so a test never touches data/ or another session's files.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import duckdb
import pytest

from customer360.landing.contract import BY_TABLE
from tests.warehouse import create_raw_warehouse, run_dbt


class Warehouse:
    """One DuckDB file: load raw rows as ingest would, run dbt, read marts."""

    def __init__(self, path: Path, target_path: Path):
        self.path = path
        self.target_path = target_path
        create_raw_warehouse(path)

    def load(self, table: str, export_date: str, rows: list[dict], loaded_at: str | None = None) -> None:
        """Append rows to raw.<table> as one export file of export_date (lineage columns filled in)."""
        entity = BY_TABLE[table]
        loaded_at = loaded_at or f"{dt.date.fromisoformat(export_date) + dt.timedelta(days=1)} 02:00:00"
        columns = entity.column_names + ["_source_file", "_line_number", "_export_date", "_loaded_at"]
        source_file = f"{entity.source}/{entity.name}/{export_date}-{loaded_at[:10]}.csv"
        values = []
        for number, row in enumerate(rows, start=1):
            unknown = set(row) - set(entity.column_names)
            assert not unknown, f"{table}: no such columns {unknown}"
            values.append([row.get(c) for c in entity.column_names]
                          + [source_file, number, export_date, loaded_at])
        placeholders = ", ".join("?" for _ in columns)
        with duckdb.connect(str(self.path)) as con:
            con.executemany(
                f"insert into raw.{table} ({', '.join(columns)}) values ({placeholders})", values
            )

    def dbt(self, *args: str, vars: str | None = None) -> subprocess.CompletedProcess:
        result = run_dbt(self.path, *args, *(["--vars", vars] if vars else []), target_path=self.target_path,
                         threads=1)
        assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
        return result

    def build_journeys(self, *extra: str, vars: str | None = None) -> subprocess.CompletedProcess:
        """Build the journey marts and everything upstream, with their data tests (unit tests apart)."""
        return self.dbt("build", "--select", "+tag:journeys", "--exclude", "test_type:unit",
                        "--indirect-selection", "cautious", *extra, vars=vars)

    def query(self, sql: str) -> list[tuple]:
        with duckdb.connect(str(self.path), read_only=True) as con:
            return con.execute(sql).fetchall()

    def table(self, name: str, order_by: str) -> list[tuple]:
        return self.query(f"select * from {name} order by {order_by}")


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Warehouse:
    root = tmp_path_factory.mktemp("journeys")
    return Warehouse(root / "warehouse.duckdb", root / "target")
