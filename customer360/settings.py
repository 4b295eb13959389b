"""Every setting of customer360, read once from the environment into one object.

Nothing else in the project reads ``os.environ``: code is handed a ``Settings`` (Dagster as the
resource ``settings``; a notebook or another orchestrator calls ``Settings.from_environment()``).
Paths are absolute, so dbt, Dagster and tests agree whatever the working directory.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent

DEMO_SALT = "customer360-demo-salt"  # only for the simulated demo warehouse (make run, tests)
ENGINES = ("duckdb", "spark")

# Resources of the build on 2 cores: DuckDB at 2.5 GB beside the Dagster process (~0.9 GB) keeps the
# process tree under 4 GiB. profiles.yml repeats it for dbt run on its own (a test keeps both in step).
DUCKDB_MEMORY_LIMIT = "2500MB"
DUCKDB_THREADS = 2
# One dbt model at a time: DuckDB already uses both cores for one query, and two big models side by
# side share one memory limit (bench/results/tuning.md).
DBT_THREADS = 1
# The DuckDB storage format of the serving file. DuckDB 2.0 writes its own format by default, which the
# 1.x readers BI tools ship (DuckDB CLI 1.x, @duckdb/node-api 1.x in Evidence, DBeaver, ...) refuse
# ("version number 69 ... can only read versions between 64 and 68"). v1.1.0 is read by every DuckDB
# from 1.1 on; a later one (e.g. v1.4.0) may compress better but locks out older readers.
SERVING_STORAGE_VERSION = "v1.1.0"


class MissingSaltError(RuntimeError):
    pass


def _path(env: Mapping[str, str], name: str, default: Path) -> Path:
    value = env.get(name)
    return Path(value).resolve() if value else default


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    value = env.get(name)
    try:
        return int(value) if value else default
    except ValueError:
        raise ValueError(f"{name}={value!r} is not a whole number") from None


def _storage_version(value: str) -> str:
    if not re.fullmatch(r"v\d+\.\d+\.\d+|latest", value):
        raise ValueError(f"SERVING_STORAGE_VERSION={value!r}: a DuckDB version such as v1.1.0 (or latest)")
    return value


@dataclass(frozen=True)
class Settings:
    """Where things live and how much of the machine the build may use."""

    landing_dir: Path
    warehouse_path: Path
    serving_path: Path
    truth_dir: Path  # the simulator's ground truth; only the identity-quality check reads it
    docs_dir: Path  # GX Data Docs and metadata charts
    dagster_home: Path | None = None
    project_dir: Path = PROJECT_DIR
    pii_salt: str | None = None
    demo: bool = False  # C360_DEMO=1: the simulated demo landing; its salt may be the public demo salt
    engine: str = "duckdb"
    duckdb_memory_limit: str = DUCKDB_MEMORY_LIMIT
    duckdb_threads: int = DUCKDB_THREADS
    dbt_threads: int = DBT_THREADS
    publish_memory_limit: str = "1GB"  # publish runs in the Dagster process, beside what it holds
    serving_storage_version: str = SERVING_STORAGE_VERSION  # DuckDB storage format of the serving file
    partitions_start: str | None = None  # first daily partition; None: the earliest export
    ingest_batch_bytes: int = 256 << 20  # export days staged together, in (uncompressed) bytes
    ingest_workers: int = 2  # batches loaded side by side
    gx_max_days: int = 7  # export days of a run validated by the landing suites (the latest)
    gx_batch_rows: int = 250_000  # rows per GX validation of a mart
    alert_webhook_url: str | None = None
    ui_url: str = "http://127.0.0.1:3000"
    matcher_model: Path = PROJECT_DIR / "customer360" / "identity" / "matcher_model.json"  # Splink's JSON

    @classmethod
    def from_environment(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        landing = _path(env, "LANDING_DIR", PROJECT_DIR / "data" / "landing")
        engine = env.get("C360_ENGINE", "duckdb")
        if engine not in ENGINES:
            raise ValueError(f"C360_ENGINE={engine!r}: choose one of {', '.join(ENGINES)}")
        return cls(
            landing_dir=landing,
            warehouse_path=_path(env, "WAREHOUSE_PATH", PROJECT_DIR / "data" / "warehouse.duckdb"),
            serving_path=_path(env, "SERVING_PATH", PROJECT_DIR / "data" / "serving" / "customer360.duckdb"),
            truth_dir=_path(env, "TRUTH_DIR", landing.parent / "truth"),
            docs_dir=_path(env, "DOCS_DIR", PROJECT_DIR / "data" / "docs"),
            dagster_home=_path(env, "DAGSTER_HOME", Path()) if env.get("DAGSTER_HOME") else None,
            pii_salt=env.get("PII_SALT") or None,
            demo=env.get("C360_DEMO") == "1",
            engine=engine,
            duckdb_memory_limit=env.get("DUCKDB_MEMORY_LIMIT") or DUCKDB_MEMORY_LIMIT,
            duckdb_threads=_int(env, "DUCKDB_THREADS", DUCKDB_THREADS),
            dbt_threads=_int(env, "DBT_THREADS", DBT_THREADS),
            publish_memory_limit=env.get("C360_PUBLISH_MEMORY_LIMIT") or "1GB",
            serving_storage_version=_storage_version(env.get("SERVING_STORAGE_VERSION") or SERVING_STORAGE_VERSION),
            partitions_start=env.get("C360_PARTITIONS_START") or None,
            ingest_batch_bytes=_int(env, "C360_INGEST_BATCH_BYTES", 256 << 20),
            ingest_workers=_int(env, "C360_INGEST_WORKERS", 2),
            gx_max_days=_int(env, "C360_GX_MAX_DAYS", 7),
            gx_batch_rows=_int(env, "C360_GX_BATCH_ROWS", 250_000),
            alert_webhook_url=env.get("ALERT_WEBHOOK_URL") or None,
            ui_url=(env.get("DAGSTER_UI_URL") or "http://127.0.0.1:3000").rstrip("/"),
            matcher_model=_path(env, "C360_MATCHER_MODEL", PROJECT_DIR / "customer360" / "identity" / "matcher_model.json"),
        )

    def replace(self, **changes) -> Settings:
        return dataclasses.replace(self, **changes)

    def salt(self) -> str:
        """The salt of the PII hashes in the serving file."""
        if self.pii_salt:
            return self.pii_salt
        if self.demo:
            return DEMO_SALT
        raise MissingSaltError(
            "PII_SALT is not set. Email, phone and other PII columns are published only as salted hashes; "
            "set PII_SALT to a secret kept outside the repository (or C360_DEMO=1 for the demo warehouse)."
        )

    def dbt_environment(self) -> dict[str, str]:
        """The variables profiles.yml renders the dbt profile from, as these settings say."""
        return {
            "WAREHOUSE_PATH": str(self.warehouse_path),
            "DUCKDB_MEMORY_LIMIT": self.duckdb_memory_limit,
            "DUCKDB_THREADS": str(self.duckdb_threads),
            "DBT_THREADS": str(self.dbt_threads),
            "DO_NOT_TRACK": "1",  # saves ~3 s per dbt invocation
        }
