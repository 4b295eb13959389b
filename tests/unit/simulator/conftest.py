"""Shared runs of the simulator for the tests: small, real, written to a tmp directory once per session."""

from __future__ import annotations

import duckdb
import pytest

from tests.unit.simulator._helpers import Run, run_simulator


@pytest.fixture(scope="session")
def run(tmp_path_factory) -> Run:
    """4,000 persons over 120 days: big enough for every planted kind, a few seconds to build."""
    return run_simulator(tmp_path_factory.mktemp("sim"), persons=4000, days=120, seed=11)


@pytest.fixture()
def con() -> duckdb.DuckDBPyConnection:
    c = duckdb.connect()
    c.execute("set TimeZone = 'UTC'")
    yield c
    c.close()
