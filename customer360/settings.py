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
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_LANDING_DIR = PROJECT_DIR / "data" / "landing"  # the demo is simulated only into this folder

DEMO_SALT = "customer360-demo-salt"  # only for the simulated demo warehouse (make run, tests)
# The simulator leaves this file in a landing folder it filled (simulator/run.py writes the same name):
# only such a landing may be published with the public demo salt.
SIMULATED_MARKER = ".simulated"
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

# Every variable Settings reads. The non-secret ones that were set are a build's context
# (data/last_build.json), which `make ui` serves again; secrets are never written down.
VARIABLES = (
    "LANDING_DIR", "WAREHOUSE_PATH", "SERVING_PATH", "TRUTH_DIR", "DOCS_DIR", "DAGSTER_HOME", "C360_LOG_DIR",
    "C360_LAST_BUILD",
    "PII_SALT", "C360_DEMO", "C360_ENGINE", "C360_AS_OF_DATE", "DUCKDB_MEMORY_LIMIT", "DUCKDB_THREADS",
    "DBT_THREADS", "C360_PUBLISH_MEMORY_LIMIT", "C360_PARTITIONS_START", "C360_INGEST_BATCH_BYTES",
    "C360_INGEST_WORKERS", "C360_GX_MAX_DAYS", "C360_GX_BATCH_ROWS", "ALERT_WEBHOOK_URL", "C360_ALERT_ATTEMPTS",
    "SLACK_TOKEN", "SLACK_CHANNEL", "SLACK_API_URL", "MSTEAMS_WEBHOOK_URL", "DAGSTER_UI_URL", "C360_RUNBOOK_URL",
    "C360_MATCHER_MODEL", "SERVING_STORAGE_VERSION", "C360_BUSINESS_START", "C360_SOURCE_ENCODINGS",
    "C360_MAX_ROW_BYTES", "C360_MAX_REJECTED_SHARE", "C360_ERASE_LANDING", "C360_KEEP_DBT_RUNS", "SPARK_DIR",
    "SPARK_MASTER", "SPARK_DRIVER_MEMORY",
)
# Webhook URLs carry their credentials in the URL.
SECRETS = ("PII_SALT", "SLACK_TOKEN", "ALERT_WEBHOOK_URL", "MSTEAMS_WEBHOOK_URL")


class MissingSaltError(RuntimeError):
    pass


def layered_environment(defaults: Mapping[str, str] | None = None) -> dict[str, str]:
    """The process environment over some defaults (e.g. the last build's context): what a child
    process (dagster dev) is started with."""
    return {**(defaults or {}), **os.environ}


def as_of_date(value: str) -> str:
    """A rebuild date as YYYY-MM-DD, or a clear error."""
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"AS_OF={value!r} is not a date (YYYY-MM-DD)") from None


def home_of(warehouse_path: Path) -> Path:
    """The Dagster instance (DAGSTER_HOME) of a warehouse, beside it: data/warehouse.duckdb ->
    data/dagster_home/warehouse. Runs, check results and the publish veto of one warehouse never mix with
    another's."""
    return warehouse_path.parent / "dagster_home" / warehouse_path.stem


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
    dagster_home: Path | None = None  # the Dagster instance of this warehouse: DAGSTER_HOME, else beside it
    log_dir: Path = PROJECT_DIR / "data" / "logs"  # make run's full log, one file per run
    last_build_file: Path = PROJECT_DIR / "data" / "last_build.json"  # make run's context, served by make ui
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
    alert_attempts: int = 3  # tries per alert channel, with a growing pause between them
    slack_token: str | None = None  # SLACK_TOKEN + SLACK_CHANNEL: alerts to Slack (dagster-slack)
    slack_channel: str | None = None
    slack_api_url: str | None = None  # Slack's API by default
    teams_webhook_url: str | None = None  # MSTEAMS_WEBHOOK_URL: alerts to Microsoft Teams (dagster-msteams)
    ui_url: str = "http://127.0.0.1:3000"
    business_start: dt.date = _BUSINESS_START_DATE  # no timestamp before it (docs/landing.md)
    source_encodings: tuple[tuple[str, str], ...] = ()  # (source, declared encoding); others UTF-8 (BOM sniffed)
    max_row_bytes: int = MAX_ROW_BYTES
    max_rejected_share: float = MAX_REJECTED_SHARE
    erase_landing: bool = False  # C360_ERASE_LANDING=1: rewrite landing files without erased persons' rows
    keep_dbt_runs: int = KEEP_DBT_RUNS
    runbook_url: str = (PROJECT_DIR / "docs" / "runbook.md").as_uri()  # alerts link its sections
    as_of_date: str | None = None  # a rebuild as of this date (make run AS_OF=...): its own files
    environment: tuple[tuple[str, str], ...] = ()  # the non-secret variables these settings were read from
    matcher_model: Path = PROJECT_DIR / "customer360" / "identity" / "matcher_model.json"  # Splink's JSON

    @classmethod
    def from_environment(cls, env: Mapping[str, str] | None = None,
                         overrides: Mapping[str, str] | None = None) -> Settings:
        env = {**(os.environ if env is None else env), **(overrides or {})}
        landing = _path(env, "LANDING_DIR", DEFAULT_LANDING_DIR)
        engine = env.get("C360_ENGINE", "duckdb")
        if engine not in ENGINES:
            raise ValueError(f"C360_ENGINE={engine!r}: choose one of {', '.join(ENGINES)}")
        settings = cls(
            landing_dir=landing,
            warehouse_path=_path(env, "WAREHOUSE_PATH", PROJECT_DIR / "data" / "warehouse.duckdb"),
            serving_path=_path(env, "SERVING_PATH", PROJECT_DIR / "data" / "serving" / "customer360.duckdb"),
            truth_dir=_path(env, "TRUTH_DIR", landing.parent / "truth"),
            docs_dir=_path(env, "DOCS_DIR", PROJECT_DIR / "data" / "docs"),
            dagster_home=_path(env, "DAGSTER_HOME", Path()) if env.get("DAGSTER_HOME") else None,
            log_dir=_path(env, "C360_LOG_DIR", PROJECT_DIR / "data" / "logs"),
            last_build_file=_path(env, "C360_LAST_BUILD", PROJECT_DIR / "data" / "last_build.json"),
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
            alert_attempts=max(1, _int(env, "C360_ALERT_ATTEMPTS", 3)),
            slack_token=env.get("SLACK_TOKEN") or None,
            slack_channel=env.get("SLACK_CHANNEL") or None,
            slack_api_url=env.get("SLACK_API_URL") or None,
            teams_webhook_url=env.get("MSTEAMS_WEBHOOK_URL") or None,
            ui_url=(env.get("DAGSTER_UI_URL") or "http://127.0.0.1:3000").rstrip("/"),
            business_start=_date(env, "C360_BUSINESS_START", BUSINESS_START),
            source_encodings=tuple(sorted(_encodings(env, "C360_SOURCE_ENCODINGS").items())),
            max_row_bytes=_int(env, "C360_MAX_ROW_BYTES", MAX_ROW_BYTES),
            max_rejected_share=_float(env, "C360_MAX_REJECTED_SHARE", MAX_REJECTED_SHARE),
            erase_landing=env.get("C360_ERASE_LANDING") == "1",
            keep_dbt_runs=_int(env, "C360_KEEP_DBT_RUNS", KEEP_DBT_RUNS),
            runbook_url=env.get("C360_RUNBOOK_URL") or (PROJECT_DIR / "docs" / "runbook.md").as_uri(),
            environment=tuple(sorted((k, env[k]) for k in VARIABLES if env.get(k) and k not in SECRETS)),
            matcher_model=_path(env, "C360_MATCHER_MODEL", PROJECT_DIR / "customer360" / "identity" / "matcher_model.json"),
        )
        if not env.get("DAGSTER_HOME"):
            settings = settings.replace(dagster_home=home_of(settings.warehouse_path))
        if env.get("C360_AS_OF_DATE"):  # WAREHOUSE_PATH and SERVING_PATH name today's files: the rebuild's beside them
            settings = settings.as_of(env["C360_AS_OF_DATE"])
        return settings

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

    def as_of(self, date: str) -> Settings:
        """The settings of a rebuild as of `date`: a warehouse, Dagster instance, docs and serving file of
        its own (data/as_of/<date>/..., serving/customer360_as_of_<yyyymmdd>.duckdb), so today's warehouse
        and the file BI reads stay as they are. The landing folder is the same."""
        date = as_of_date(date)
        root = self.warehouse_path.parent / "as_of" / date
        warehouse = root / self.warehouse_path.name  # the same file name: it is dbt's catalog name
        serving = self.serving_path.with_name(f"{self.serving_path.stem}_as_of_{date.replace('-', '')}"
                                              f"{self.serving_path.suffix}")
        return self.replace(as_of_date=date, warehouse_path=warehouse, serving_path=serving,
                            docs_dir=self.docs_dir / "as_of" / date, dagster_home=home_of(warehouse),
                            environment=tuple(sorted({**dict(self.environment), "C360_AS_OF_DATE": date}.items())))

    @contextmanager
    def dbt_variables_in_process_environment(self) -> Iterator[None]:
        """dagster-dbt starts dbt with this process's environment: for the length of one dbt invocation
        it holds these settings' dbt variables (the warehouse of an as-of rebuild, not the environment's)."""
        saved = {name: os.environ.get(name) for name in self.dbt_environment()}
        os.environ.update(self.dbt_environment())
        try:
            yield
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value

    def is_simulated_landing(self) -> bool:
        """The landing folder was filled by the simulator (it holds the simulator's marker file)."""
        return (self.landing_dir / SIMULATED_MARKER).is_file()

    def salt(self) -> str:
        """The salt of the PII hashes in the serving file: PII_SALT; the public demo salt only for the
        simulated demo landing with C360_DEMO=1, never for real exports."""
        if self.pii_salt:
            return self.pii_salt
        if self.demo and self.is_simulated_landing():
            return DEMO_SALT
        if self.demo:
            raise MissingSaltError(
                f"PII_SALT is not set and {self.landing_dir} is not the simulated demo landing: the public demo "
                "salt in the repository would make the published hashes of real people reversible. Set PII_SALT "
                "to a secret kept outside the repository (the same one every run: the hashes are BI's join keys)."
            )
        raise MissingSaltError(
            "PII_SALT is not set. Email, phone and other PII columns are published only as salted hashes; "
            "set PII_SALT to a secret kept outside the repository (C360_DEMO=1 uses the public demo salt, "
            "for the simulated demo landing only)."
        )

    def dbt_environment(self) -> dict[str, str]:
        """The variables profiles.yml renders the dbt profile from, as these settings say."""
        return {
            "WAREHOUSE_PATH": str(self.warehouse_path),
            "DUCKDB_MEMORY_LIMIT": self.duckdb_memory_limit,
            "DUCKDB_THREADS": str(self.duckdb_threads),
            "DBT_THREADS": str(self.dbt_threads),
            "DO_NOT_TRACK": "1",  # saves ~3 s per dbt invocation
            "DBT_USE_COLORS": "false",  # its output goes to a log file
            "SPARK_MASTER": self.spark_master,
            "SPARK_DRIVER_MEMORY": self.spark_driver_memory,
            "SPARK_WAREHOUSE_DIR": str(self.spark_dir / "warehouse"),
            "SPARK_METASTORE_DIR": str(self.spark_dir / "metastore_db"),
        }
