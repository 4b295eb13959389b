"""Every dbt model, seed and test as Dagster assets and asset checks (`dbt build`)."""

from __future__ import annotations

import dagster as dg
from dagster_dbt import DbtCliResource, dbt_assets

from orchestration.dbt_project import dbt_project
from orchestration.translator import WarehouseTranslator

DUCKDB_POOL = "duckdb"  # DuckDB allows one writer: every asset that writes the file is in this pool


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=WarehouseTranslator(),
    pool=DUCKDB_POOL,
)
def warehouse_models(context: dg.AssetExecutionContext, dbt: DbtCliResource):
    """dbt build: failing tests with severity error stop downstream models and fail the step."""
    yield from dbt.cli(["build"], context=context).stream().fetch_row_counts()
