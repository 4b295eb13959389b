"""Shared fixtures: real dbt against a warehouse file of the test's own; the demo pipeline, built once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.warehouse import PROJECT_DIR, run_dbt

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("C360_DEMO", "1")
# GX validates the latest 2 export days of a run here, not 7: each day is ~0.35 s per raw table, and the
# suite builds a multi-day warehouse several times; no test depends on the window's length.
os.environ.setdefault("C360_GX_MAX_DAYS", "2")
# Tests read the dbt logs of runs made earlier in the session (target/<step>-<run>-<uuid>/dbt.log): dbt's
# run folders are not pruned here (tests/unit/test_recovery.py tests the pruning in a folder of its own).
os.environ.setdefault("C360_KEEP_DBT_RUNS", "100000")


# ---------------------------------------------------------------- two workers (make test: pytest -n 2)

# The modules that read the demo pipeline (built once per worker that needs it): they run on one worker.
DEMO_PIPELINE_MODULES = (
    "tests/integration/test_pipeline.py",
    "tests/integration/test_operations.py",
    "tests/integration/test_guard_publish.py",
    "tests/ui/test_dagster_ui.py",
    "tests/integration/test_serving_file.py",
    "tests/integration/test_semantic_layer.py",
    "tests/integration/test_analysts_doc.py",
    "tests/ui/test_dashboard.py",
)


def worker_group(nodeid: str) -> str:
    """The unit of work a worker takes whole, so an expensive shared fixture is built once: the demo
    pipeline's readers; a test package with its own conftest (tests/integration/identity, ...); else a
    module."""
    path = nodeid.split("::")[0]
    if path in DEMO_PIPELINE_MODULES:
        return "demo_pipeline"
    parts = path.split("/")
    return "/".join(parts[:3]) if len(parts) > 3 else path


def pytest_configure(config):
    """Parse the dbt project once, before the workers start, so no two of them write the manifest."""
    if not hasattr(config, "workerinput"):
        from customer360.dbt_artifacts import ensure_manifest
        from customer360.settings import Settings

        ensure_manifest(Settings.from_environment())


def pytest_xdist_make_scheduler(config, log):
    """xdist's own loadgroup cannot mark tests under pytest 9 (it rewrites item._nodeid, which pytest 9
    no longer reads), so the groups are made here from the test ids."""
    from xdist.scheduler import LoadScopeScheduling

    class GroupScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return worker_group(nodeid)

    return GroupScheduling(config, log)


def pytest_collection_modifyitems(items):
    for item in items:
        if "demo_pipeline" in item.fixturenames and item.nodeid.split("::")[0] not in DEMO_PIPELINE_MODULES:
            raise pytest.UsageError(f"{item.nodeid} reads demo_pipeline: add its module to DEMO_PIPELINE_MODULES "
                                    "(tests/conftest.py) so the demo is built once")


@pytest.fixture
def dbt_runner():
    return run_dbt


# ---------------------------------------------------------------- the pipeline, end to end
RANGE_START, RANGE_END = "dagster/asset_partition_range_start", "dagster/asset_partition_range_end"
DEMO_SIZE = {"persons": 300, "days": 10, "seed": 11}


def simulate(out: Path, persons: int, days: int, seed: int) -> None:
    subprocess.run(
        [sys.executable, "-m", "simulator", "--persons", str(persons), "--days", str(days), "--seed", str(seed),
         "--out", str(out / "landing"), "--truth", str(out / "truth"), "--quiet"],
        check=True, cwd=PROJECT_DIR,
    )


class Pipeline:
    """A landing folder, warehouse and serving file of their own, built by the real Definitions."""

    def __init__(self, root: Path, pii_salt: str | None = None) -> None:
        """pii_salt: own exports (not the simulator's) are published only with a salt of their own."""
        self.root = root
        self.pii_salt = pii_salt
        self.landing = root / "landing"
        self.truth = root / "truth"
        self.warehouse = root / "warehouse.duckdb"
        self.serving = root / "serving" / "customer360.duckdb"

    def env(self) -> dict[str, str]:
        return {"LANDING_DIR": str(self.landing), "WAREHOUSE_PATH": str(self.warehouse),
                "SERVING_PATH": str(self.serving), "TRUTH_DIR": str(self.truth),
                "DOCS_DIR": str(self.root / "docs"), "C360_DEMO": "1",
                **({"PII_SALT": self.pii_salt} if self.pii_salt else {})}

    def build(self, start: str, end: str, instance=None, selection=None):
        import dagster as dg

        with pytest.MonkeyPatch.context() as mp:
            for k, v in self.env().items():
                mp.setenv(k, v)
            from orchestration.definitions import build_definitions

            defs = build_definitions()
            job = defs.resolve_job_def("build_warehouse")
            return job.execute_in_process(
                instance=instance or dg.DagsterInstance.ephemeral(),
                tags={RANGE_START: start, RANGE_END: end},
                raise_on_error=False,
                asset_selection=selection,
            )

    def query(self, sql: str, params=None):
        con = duckdb.connect(str(self.warehouse), read_only=True)
        try:
            return con.execute(sql, params or []).fetchall()
        finally:
            con.close()

    def export_dates(self) -> list[str]:
        return sorted({p.name[:10] for p in self.landing.glob("*/*/*")})


os.environ.setdefault("C360_PARTITIONS_START", "2009-12-01")  # the UCI retail data starts there


@pytest.fixture(scope="session")
def demo_pipeline(tmp_path_factory) -> tuple[Pipeline, object]:
    """One simulated population built end to end once per test session (shared by read-only tests)."""
    import dagster as dg

    pipeline = Pipeline(tmp_path_factory.mktemp("demo"))
    simulate(pipeline.root, **DEMO_SIZE)
    dates = pipeline.export_dates()
    # a persistent instance, so the UI test can show this run's check results
    pipeline.dagster_home = pipeline.root / "dagster_home"
    pipeline.dagster_home.mkdir()
    (pipeline.dagster_home / "dagster.yaml").write_text("")
    with dg.DagsterInstance.from_config(str(pipeline.dagster_home)) as instance:
        result = pipeline.build(dates[0], dates[-1], instance=instance)
    return pipeline, result
