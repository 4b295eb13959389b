"""A small raw warehouse for integration tests: contract DDL, hand-made rows, real dbt runs.

dbt runs in a subprocess: its in-process runner keeps the DuckDB file open after it returns."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb

from customer360.landing.contract import BY_TABLE, ENTITIES, quarantine_ddl, raw_table_ddl

PROJECT_DIR = Path(__file__).resolve().parents[1]
DBT = str(Path(sys.executable).with_name("dbt"))  # the venv's dbt, whether or not the venv is on PATH


def create_raw_warehouse(path: Path) -> None:
    """An empty warehouse: schema raw with every contract table, as ingest creates it."""
    with duckdb.connect(str(path)) as con:
        con.execute("create schema if not exists raw")
        for entity in ENTITIES:
            con.execute(raw_table_ddl(entity))
        con.execute(quarantine_ddl())


def insert_rows(path: Path, table: str, rows: list[dict], export_date: str = "2025-01-01") -> None:
    """Insert rows (dicts of contract columns) into raw.<table>, filling the ingest metadata."""
    columns = BY_TABLE[table].column_names
    unknown = {key for row in rows for key in row} - set(columns)
    assert not unknown, f"not in the contract of {table}: {unknown}"
    names = columns + ["_source_file", "_line_number", "_export_date", "_loaded_at"]
    with duckdb.connect(str(path)) as con:
        for line, row in enumerate(rows, start=1):
            values = [row.get(c) for c in columns] + [f"test/{table}.csv", line, export_date, f"{export_date} 23:00:00"]
            placeholders = ", ".join("?" for _ in names)
            con.execute(f"insert into raw.{table} ({', '.join(names)}) values ({placeholders})", values)


def run_dbt(warehouse: Path, *args: str, target_path: Path | None = None, threads: int = 2) -> subprocess.CompletedProcess:
    """Run the real dbt CLI against a warehouse file; its target folder defaults to target/ beside the file."""
    env = {**os.environ, "WAREHOUSE_PATH": str(warehouse), "DO_NOT_TRACK": "1", "DBT_THREADS": str(threads)}
    target = target_path or warehouse.parent / "target"
    command = [DBT, *args, "--profiles-dir", str(PROJECT_DIR), "--project-dir", str(PROJECT_DIR),
               "--target-path", str(target), "--log-path", str(target / "logs")]
    return subprocess.run(command, cwd=PROJECT_DIR, env=env, capture_output=True, text=True, check=False)


def query(warehouse: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()
