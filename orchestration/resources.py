"""Resources of the code location, built from one Settings: the settings themselves and dbt."""

from __future__ import annotations

from pathlib import Path

# not exported by the dagster package itself; a factory resource turns run config into a Settings
from dagster._config.pythonic_config.resource import ConfigurableResourceFactory
from dagster_dbt import DbtCliResource, DbtProject
from pydantic import Field

from customer360.dbt_artifacts import dbt_executable
from customer360.settings import Settings, as_of_date

DUCKDB_POOL = "duckdb"  # DuckDB allows one writer: every step that opens the warehouse is in this pool

# The Dagster instance of a warehouse: the pool "duckdb" runs one step at a time.
DAGSTER_YAML = "# DuckDB allows one writer: the \"duckdb\" pool runs one step at a time.\n" \
               "concurrency:\n  pools:\n    default_limit: 1\n"


def dbt_project(settings: Settings) -> DbtProject:
    return DbtProject(project_dir=settings.project_dir, profiles_dir=settings.project_dir, target=settings.engine)


def ensure_dagster_home(settings: Settings) -> Path:
    """The settings' DAGSTER_HOME (one per warehouse), with the duckdb pool limit, created when missing."""
    home = settings.dagster_home
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists() or not config.read_text().strip():
        config.write_text(DAGSTER_YAML)
    return home


def settings_resource(settings: Settings) -> ConfigurableResourceFactory[Settings]:
    """The settings every step reads, as a resource. A run may rebuild everything as of an earlier date
    (the launchpad's `resources: {settings: {config: {as_of_date: "2025-02-15"}}}`, or
    `make run AS_OF=2025-02-15`): ingest, dbt, the CLV fit, the checks and publish then use that date's own
    warehouse and serving file."""

    class SettingsResource(ConfigurableResourceFactory[Settings]):
        as_of_date: str | None = Field(
            default=None,
            description="Rebuild every stage as of this date (YYYY-MM-DD), into the date's own warehouse and "
                        "serving file (customer360_as_of_<yyyymmdd>.duckdb); today's files are left alone.",
        )

        def create_resource(self, context) -> Settings:
            if self.as_of_date and as_of_date(self.as_of_date) != settings.as_of_date:
                return settings.as_of(self.as_of_date)
            return settings

    return SettingsResource()


def build_resources(settings: Settings) -> dict[str, object]:
    """``settings`` reaches assets and checks as ``settings: dg.ResourceParam[Settings]``."""
    return {
        "settings": settings_resource(settings),
        "dbt": DbtCliResource(project_dir=dbt_project(settings), target=settings.engine,
                              dbt_executable=dbt_executable()),
    }
