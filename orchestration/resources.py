"""Resources of the code location: the DuckDB warehouse and where its inputs and reports live."""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg
import duckdb

PROJECT_DIR = Path(__file__).resolve().parent.parent  # orchestration/..


def default_warehouse_path() -> str:
    return str(Path(os.environ.get("WAREHOUSE_PATH") or PROJECT_DIR / "data" / "warehouse.duckdb").absolute())


def default_landing_dir() -> str:
    return str(Path(os.environ.get("LANDING_DIR") or PROJECT_DIR / "data" / "landing").absolute())


def default_docs_dir() -> str:
    return str((PROJECT_DIR / "data" / "docs").absolute())


class Warehouse(dg.ConfigurableResource):
    """The DuckDB warehouse file, the landing folder it is fed from and the folder for data docs.

    DuckDB allows one writer per file: every asset or check that opens it is in the "duckdb" pool.
    """

    path: str
    landing_dir: str
    docs_dir: str
    memory_limit: str = os.environ.get("DUCKDB_MEMORY_LIMIT", "4GB")

    def connect(self, read_only: bool = False) -> duckdb.DuckDBPyConnection:
        """A connection to the warehouse file (its folder is created); use it as a context manager."""
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        return duckdb.connect(
            self.path,
            read_only=read_only,
            config={"memory_limit": self.memory_limit, "preserve_insertion_order": False},
        )


def build_resources() -> dict[str, object]:
    return {
        "warehouse": Warehouse(
            path=default_warehouse_path(),
            landing_dir=default_landing_dir(),
            docs_dir=default_docs_dir(),
        )
    }
