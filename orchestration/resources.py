"""Resources of the code location: the DuckDB warehouse (with its inputs and reports) and dbt."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import dagster as dg
import duckdb
from dagster_dbt import DbtCliResource

from orchestration.dbt_project import dbt_project
from orchestration.paths import docs_dir, landing_dir, warehouse_path


class Warehouse(dg.ConfigurableResource):
    """The DuckDB warehouse file, the landing folder it is fed from and the folder for data docs.

    DuckDB allows one writer per file: every asset or check that opens it is in the "duckdb" pool.
    """

    path: str
    landing_dir: str
    docs_dir: str
    memory_limit: str = os.environ.get("DUCKDB_MEMORY_LIMIT", "2500MB")  # as profiles.yml: keep both in step
    threads: int = int(os.environ.get("DUCKDB_THREADS", "2"))

    def connect(self, read_only: bool = False) -> duckdb.DuckDBPyConnection:
        """A connection to the warehouse file (its folder is created); use it as a context manager."""
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        return duckdb.connect(
            self.path,
            read_only=read_only,
            config={"memory_limit": self.memory_limit, "threads": self.threads, "preserve_insertion_order": False},
        )


def build_resources() -> dict[str, object]:
    return {
        "warehouse": Warehouse(
            path=str(warehouse_path()), landing_dir=str(landing_dir()), docs_dir=str(docs_dir()),
        ),
        "dbt": DbtCliResource(project_dir=dbt_project, dbt_executable=dbt_executable()),
    }


def dbt_executable() -> str:
    """dbt on PATH, else the one installed beside this Python (a venv's python run without activating it)."""
    beside = Path(sys.executable).parent / "dbt"
    return shutil.which("dbt") or str(beside)
