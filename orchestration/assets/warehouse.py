"""Every dbt model, seed and test as Dagster assets and asset checks (`dbt build`)."""


import dagster as dg
from dagster_dbt import DbtCliResource, dbt_assets

from orchestration.dbt_project import dbt_project
from orchestration.landing.loader import ensure_raw_tables
from orchestration.resources import Warehouse
from orchestration.translator import WarehouseTranslator

DUCKDB_POOL = "duckdb"  # DuckDB allows one writer: every asset that writes the file is in this pool


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=WarehouseTranslator(),
    pool=DUCKDB_POOL,
)
def warehouse_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: Warehouse):
    """dbt build: failing tests with severity error stop downstream models and fail the step.

    dbt unit tests are development tests (fixtures, not data): pytest runs them, production builds skip them.
    """
    with warehouse.connect() as con:  # a source with no exports yet still gets its (empty) raw table
        ensure_raw_tables(con)
    yield from dbt.cli(["build", "--exclude", "test_type:unit", "--indirect-selection", "buildable"], context=context).stream()
