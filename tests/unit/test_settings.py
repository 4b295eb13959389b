"""Where the warehouse, the landing folder and the first partition come from: one Settings, read once."""

import re
from pathlib import Path

import duckdb
import pytest

from customer360.settings import DEMO_SALT, PROJECT_DIR, MissingSaltError, Settings
from customer360.warehouse import connect
from orchestration.operations import FALLBACK_START, partitions_start_date


def test_partitions_start_at_the_setting_then_the_earliest_export_then_a_default(tmp_path):
    settings = Settings.from_environment({"LANDING_DIR": str(tmp_path / "missing")})
    assert partitions_start_date(settings) == FALLBACK_START
    for rel in ["shop/orders/2025-04-02.csv", "web/events/2025-03-30_a.csv.gz", "notes/readme.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    assert partitions_start_date(Settings.from_environment({"LANDING_DIR": str(tmp_path)})) == "2025-03-30"
    settings = Settings.from_environment({"LANDING_DIR": str(tmp_path), "C360_PARTITIONS_START": "2024-12-01"})
    assert partitions_start_date(settings) == "2024-12-01"


def test_settings_default_to_the_project_data_folder_and_follow_the_environment(tmp_path):
    settings = Settings.from_environment({})
    assert settings.warehouse_path == PROJECT_DIR / "data" / "warehouse.duckdb"
    assert settings.landing_dir == PROJECT_DIR / "data" / "landing"
    assert settings.docs_dir == PROJECT_DIR / "data" / "docs"
    assert settings.truth_dir == PROJECT_DIR / "data" / "truth"
    settings = Settings.from_environment({"WAREHOUSE_PATH": str(tmp_path / "w" / "x.duckdb"),
                                          "LANDING_DIR": "relative/landing", "DUCKDB_THREADS": "4"})
    assert settings.warehouse_path == tmp_path / "w" / "x.duckdb"
    assert settings.landing_dir.is_absolute() and str(settings.landing_dir).endswith("relative/landing")
    assert settings.duckdb_threads == 4


def test_a_mistyped_number_or_engine_is_named():
    with pytest.raises(ValueError, match="DUCKDB_THREADS='two'"):
        Settings.from_environment({"DUCKDB_THREADS": "two"})
    with pytest.raises(ValueError, match="C360_ENGINE='postgres'"):
        Settings.from_environment({"C360_ENGINE": "postgres"})


def test_the_salt_is_required_outside_the_demo():
    assert Settings.from_environment({"PII_SALT": "s3cret"}).salt() == "s3cret"
    assert Settings.from_environment({"C360_DEMO": "1"}).salt() == DEMO_SALT
    with pytest.raises(MissingSaltError, match="PII_SALT is not set"):
        Settings.from_environment({}).salt()


def test_dbt_run_on_its_own_gets_the_same_resource_defaults():
    """profiles.yml repeats the defaults for dbt run by hand: a change to one must reach the other."""
    profiles = (PROJECT_DIR / "profiles.yml").read_text()
    defaults = dict(re.findall(r"env_var\('(\w+)', '([^']*)'\)", profiles))
    settings = Settings.from_environment({})
    assert defaults["DUCKDB_MEMORY_LIMIT"] == settings.duckdb_memory_limit
    assert int(defaults["DUCKDB_THREADS"]) == settings.duckdb_threads
    assert int(defaults["DBT_THREADS"]) == settings.dbt_threads
    assert defaults["SPARK_MASTER"] == settings.spark_master
    assert defaults["SPARK_DRIVER_MEMORY"] == settings.spark_driver_memory
    assert settings.dbt_environment()["WAREHOUSE_PATH"] == str(settings.warehouse_path)


def test_connect_creates_the_folder_and_opens_the_file(tmp_path):
    settings = Settings.from_environment({"WAREHOUSE_PATH": str(tmp_path / "deep" / "w.duckdb")})
    with connect(settings) as con:
        con.execute("create table t as select 1 as x")
    with connect(settings, read_only=True) as con:
        assert con.execute("select x from t").fetchall() == [(1,)]
    assert isinstance(con, duckdb.DuckDBPyConnection)
    assert Path(tmp_path / "deep" / "w.duckdb").exists()


def test_the_spark_session_is_the_one_dbts_spark_profile_opens(tmp_path):
    """customer360/spark.py opens Spark as profiles.yml's spark target does (same configuration, same
    metastore and warehouse folders), so tables it registers are the ones dbt reads."""
    import yaml

    from customer360.spark import session_config

    profile = yaml.safe_load((PROJECT_DIR / "profiles.yml").read_text())["customer360"]["outputs"]["spark"]
    settings = Settings.from_environment({"C360_ENGINE": "spark", "SPARK_DIR": str(tmp_path / "spark")})
    env = settings.dbt_environment()

    def rendered(value: str) -> str:  # dbt's env_var(name, default) with the settings' environment
        return re.sub(r"\{\{ env_var\('(\w+)', '[^']*'\) \}\}", lambda m: env[m.group(1)], str(value))

    assert {k: rendered(v) for k, v in profile["server_side_parameters"].items()} == session_config(settings)
    assert env["SPARK_METASTORE_DIR"] == str(tmp_path / "spark" / "metastore_db")
    assert settings.engine == "spark" and profile["method"] == "session"
