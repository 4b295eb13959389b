"""Every setting of customer360, read once from the environment into one object.

Nothing else in the project reads ``os.environ``: code is handed a ``Settings`` (Dagster as the
resource ``settings``; a notebook or another orchestrator calls ``Settings.from_environment()``).
Paths are absolute, so dbt, Dagster and tests agree whatever the working directory.
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_LANDING_DIR = PROJECT_DIR / "data" / "landing"  # the demo is simulated only into this folder

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
# The local Spark engine (C360_ENGINE=spark): both cores, and a driver that fits beside Dagster in 4 GiB.
SPARK_MASTER = "local[2]"
SPARK_DRIVER_MEMORY = "2g"


# Ingest: events before the business started are placeholders or typos (docs/landing.md).
BUSINESS_START = "2000-01-01"
MAX_ROW_BYTES = 1 << 20  # a CSV record longer than this is quarantined on its own (DuckDB's own limit is 2 MB)
MAX_REJECTED_SHARE = 0.05  # rows of a source in files rejected whole, above which publish is blocked
KEEP_DBT_RUNS = 5  # dbt target folders kept under target/ (each ~20 MB)


_BUSINESS_START_DATE = dt.date.fromisoformat(BUSINESS_START)


class MissingSaltError(RuntimeError):
    pass


def _path(env: Mapping[str, str], name: str, default: Path) -> Path:
    value = env.get(name)
    return Path(value).resolve() if value else default


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    value = env.get(name)
    try:
        return float(value) if value else default
    except ValueError:
        raise ValueError(f"{name}={value!r} is not a number") from None


def _date(env: Mapping[str, str], name: str, default: str) -> dt.date:
    value = env.get(name) or default
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{name}={value!r} is not a date (YYYY-MM-DD)") from None


def _encodings(env: Mapping[str, str], name: str) -> dict[str, str]:
    """'crm=latin-1,pos=cp1252' -> {'crm': 'latin-1', 'pos': 'cp1252'}; each encoding must be known to Python."""
    value = env.get(name) or ""
    out: dict[str, str] = {}
    for item in filter(None, (part.strip() for part in value.split(","))):
        source, _, encoding = item.partition("=")
        try:
            out[source.strip()] = codecs.lookup(encoding.strip()).name
        except LookupError:
            raise ValueError(f"{name}={value!r}: {encoding.strip()!r} is not an encoding "
                             "(write source=encoding, e.g. crm=latin-1)") from None
    return out


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
    engine: str = "duckdb"  # C360_ENGINE: the dbt target (profiles.yml) and the engine it runs on
    spark_dir: Path = PROJECT_DIR / "data" / "spark"  # the local Spark engine's tables and metastore
    spark_master: str = SPARK_MASTER
    spark_driver_memory: str = SPARK_DRIVER_MEMORY
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
    business_start: dt.date = _BUSINESS_START_DATE  # no timestamp before it (docs/landing.md)
    source_encodings: tuple[tuple[str, str], ...] = ()  # (source, declared encoding); others UTF-8 (BOM sniffed)
    max_row_bytes: int = MAX_ROW_BYTES
    max_rejected_share: float = MAX_REJECTED_SHARE
    erase_landing: bool = False  # C360_ERASE_LANDING=1: rewrite landing files without erased persons' rows
    keep_dbt_runs: int = KEEP_DBT_RUNS
    matcher_model: Path = PROJECT_DIR / "customer360" / "identity" / "matcher_model.json"  # Splink's JSON

    @classmethod
    def from_environment(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        landing = _path(env, "LANDING_DIR", DEFAULT_LANDING_DIR)
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
            spark_dir=_path(env, "SPARK_DIR", PROJECT_DIR / "data" / "spark"),
            spark_master=env.get("SPARK_MASTER") or SPARK_MASTER,
            spark_driver_memory=env.get("SPARK_DRIVER_MEMORY") or SPARK_DRIVER_MEMORY,
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
            business_start=_date(env, "C360_BUSINESS_START", BUSINESS_START),
            source_encodings=tuple(sorted(_encodings(env, "C360_SOURCE_ENCODINGS").items())),
            max_row_bytes=_int(env, "C360_MAX_ROW_BYTES", MAX_ROW_BYTES),
            max_rejected_share=_float(env, "C360_MAX_REJECTED_SHARE", MAX_REJECTED_SHARE),
            erase_landing=env.get("C360_ERASE_LANDING") == "1",
            keep_dbt_runs=_int(env, "C360_KEEP_DBT_RUNS", KEEP_DBT_RUNS),
            matcher_model=_path(env, "C360_MATCHER_MODEL", PROJECT_DIR / "customer360" / "identity" / "matcher_model.json"),
        )

    def encoding_of(self, source: str) -> str | None:
        """The encoding declared for a source's exports (C360_SOURCE_ENCODINGS), None: UTF-8 (UTF-16 by its BOM)."""
        return dict(self.source_encodings).get(source)

    @property
    def landing_is_default(self) -> bool:
        """LANDING_DIR unset (or set to the project's data/landing): the only folder the demo fills."""
        return self.landing_dir == DEFAULT_LANDING_DIR

    @property
    def build_lock_path(self) -> Path:
        """The lock one build holds at a time (per Dagster instance, whose duckdb pool it shares)."""
        return (self.dagster_home or self.warehouse_path.parent) / "c360-build.lock"

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
            "SPARK_MASTER": self.spark_master,
            "SPARK_DRIVER_MEMORY": self.spark_driver_memory,
            "SPARK_WAREHOUSE_DIR": str(self.spark_dir / "warehouse"),
            "SPARK_METASTORE_DIR": str(self.spark_dir / "metastore_db"),
        }
