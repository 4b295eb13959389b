"""Where the warehouse, the landing folder and the first partition come from: one Settings, read once."""

import re
from pathlib import Path

import duckdb
import pytest

from customer360.preflight import salt_for_own_data
from customer360.settings import DEMO_SALT, PROJECT_DIR, SIMULATED_MARKER, MissingSaltError, Settings
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


def test_the_demo_salt_is_only_for_the_simulated_demo_landing(tmp_path):
    simulated, exports = tmp_path / "demo", tmp_path / "exports"
    (simulated / "shop" / "orders").mkdir(parents=True)
    (simulated / SIMULATED_MARKER).write_text("{}")
    (exports / "shop" / "orders").mkdir(parents=True)
    (exports / "shop" / "orders" / "2025-03-01.csv").write_text("order_id\n")
    assert Settings.from_environment({"PII_SALT": "s3cret", "LANDING_DIR": str(exports)}).salt() == "s3cret"
    assert Settings.from_environment({"C360_DEMO": "1", "LANDING_DIR": str(simulated)}).salt() == DEMO_SALT
    # own exports with the Makefile's C360_DEMO=1 but no PII_SALT: refused, with what to do
    with pytest.raises(MissingSaltError, match="not the simulated demo landing"):
        Settings.from_environment({"C360_DEMO": "1", "LANDING_DIR": str(exports)}).salt()
    with pytest.raises(MissingSaltError, match="PII_SALT is not set"):
        Settings.from_environment({"LANDING_DIR": str(simulated)}).salt()
    (problem,) = salt_for_own_data(Settings.from_environment({"C360_DEMO": "1", "LANDING_DIR": str(exports)}))
    assert "PII_SALT" in problem
    assert salt_for_own_data(Settings.from_environment({"C360_DEMO": "1", "LANDING_DIR": str(simulated)})) == []


def test_the_simulator_marks_the_landing_folder_it_fills_with_the_name_settings_looks_for():
    from simulator.run import SIMULATED_MARKER as written

    assert written == SIMULATED_MARKER


def test_each_warehouse_has_its_own_dagster_home(tmp_path):
    one = Settings.from_environment({"WAREHOUSE_PATH": str(tmp_path / "a" / "warehouse.duckdb")})
    two = Settings.from_environment({"WAREHOUSE_PATH": str(tmp_path / "b" / "warehouse.duckdb")})
    assert one.dagster_home != two.dagster_home
    assert one.dagster_home == tmp_path / "a" / "dagster_home" / "warehouse"
    explicit = Settings.from_environment({"DAGSTER_HOME": str(tmp_path / "home")})
    assert explicit.dagster_home == tmp_path / "home"


def test_a_rebuild_as_of_a_date_has_files_of_its_own():
    today = Settings.from_environment({})
    rebuild = today.as_of("2025-02-15")
    assert rebuild.as_of_date == "2025-02-15"
    assert rebuild.serving_path == today.serving_path.with_name("customer360_as_of_20250215.duckdb")
    assert rebuild.warehouse_path == PROJECT_DIR / "data" / "as_of" / "2025-02-15" / "warehouse.duckdb"
    assert rebuild.dagster_home != today.dagster_home and rebuild.landing_dir == today.landing_dir
    # the same from the environment (what make ui serves after such a build)
    assert Settings.from_environment({"C360_AS_OF_DATE": "2025-02-15"}) == rebuild
    with pytest.raises(ValueError, match="AS_OF='2025-02-30'"):
        today.as_of("2025-02-30")


def test_a_builds_context_holds_what_was_set_but_no_secret():
    settings = Settings.from_environment({"LANDING_DIR": "/x", "PII_SALT": "s3cret", "C360_DEMO": "1",
                                          "ALERT_WEBHOOK_URL": "https://hooks/secret", "HOME": "/root"})
    assert dict(settings.environment) == {"LANDING_DIR": "/x", "C360_DEMO": "1"}


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


def test_every_variable_settings_reads_is_part_of_a_builds_context():
    """make ui serves the variables a build was configured with: a setting missing from VARIABLES would be
    lost between make run and make ui."""
    from customer360.settings import VARIABLES

    source = (PROJECT_DIR / "customer360" / "settings.py").read_text()
    read = set(re.findall(r"(?:env\.get|_path|_int)\((?:env, )?\"([A-Z][A-Z0-9_]+)\"", source))
    assert read and read <= set(VARIABLES), read - set(VARIABLES)


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
