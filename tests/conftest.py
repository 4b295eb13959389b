"""Shared fixtures: real dbt against a warehouse file of the test's own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from orchestration.landing.contract import ENTITIES, quarantine_ddl, raw_table_ddl

PROJECT_DIR = Path(__file__).resolve().parent.parent
DBT = str(Path(sys.executable).with_name("dbt"))

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("C360_DEMO", "1")


def create_raw_tables(warehouse: Path) -> None:
    con = duckdb.connect(str(warehouse))
    con.execute("create schema if not exists raw")
    for entity in ENTITIES:
        con.execute(raw_table_ddl(entity))
    con.execute(quarantine_ddl())
    con.close()


def run_dbt(warehouse: Path, *args: str, target_path: Path | None = None) -> subprocess.CompletedProcess:
    """dbt in a subprocess (the in-process runner keeps the DuckDB file open after it returns)."""
    env = {**os.environ, "WAREHOUSE_PATH": str(warehouse), "DO_NOT_TRACK": "1"}
    cmd = [DBT, *args, "--project-dir", str(PROJECT_DIR), "--profiles-dir", str(PROJECT_DIR)]
    if target_path:
        cmd += ["--target-path", str(target_path)]
    return subprocess.run(cmd, env=env, cwd=PROJECT_DIR, capture_output=True, text=True)


@pytest.fixture
def dbt_runner():
    return run_dbt
