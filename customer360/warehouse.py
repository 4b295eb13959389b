"""The DuckDB warehouse file: one way to open it, with the settings' resources."""

from __future__ import annotations

import duckdb

from customer360.settings import Settings


def connect(settings: Settings, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the warehouse file (its folder is created); use it as a context manager.

    DuckDB allows one writing process per file: in Dagster, everything that opens it runs in the
    "duckdb" pool."""
    settings.warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(
        str(settings.warehouse_path),
        read_only=read_only,
        config={"memory_limit": settings.duckdb_memory_limit, "threads": settings.duckdb_threads,
                "preserve_insertion_order": False},
    )
