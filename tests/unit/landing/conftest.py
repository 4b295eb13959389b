from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from customer360.landing import ensure_raw_tables


@pytest.fixture
def landing(tmp_path) -> Path:
    path = tmp_path / "landing"
    path.mkdir()
    return path


@pytest.fixture
def con(tmp_path):
    con = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    ensure_raw_tables(con)
    yield con
    con.close()
