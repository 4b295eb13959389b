"""Resources of the code location, built from one Settings: the settings themselves and dbt."""

from __future__ import annotations

from dagster_dbt import DbtCliResource, DbtProject

from customer360.dbt_artifacts import dbt_executable
from customer360.settings import Settings

DUCKDB_POOL = "duckdb"  # DuckDB allows one writer: every step that opens the warehouse is in this pool


def dbt_project(settings: Settings) -> DbtProject:
    return DbtProject(project_dir=settings.project_dir, profiles_dir=settings.project_dir, target=settings.engine)


def build_resources(settings: Settings) -> dict[str, object]:
    """``settings`` reaches assets and checks as ``settings: dg.ResourceParam[Settings]``."""
    return {
        "settings": settings,
        "dbt": DbtCliResource(project_dir=dbt_project(settings), target=settings.engine,
                              dbt_executable=dbt_executable()),
    }
