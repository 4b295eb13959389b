"""Transform: every dbt model, seed and test as Dagster assets and asset checks, in one `dbt build`.

dbt unit tests are development tests (fixtures, not data): pytest runs them, production builds skip
them. Failing tests with severity error stop downstream models and fail the step. What the build did
is dbt's own results (run_results.json), logged when it ends; figures read from the warehouse are
checks (checks.py), which run once dbt has let go of the file.
"""

import json
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from customer360.dbt_artifacts import (
    ensure_manifest,
    keep_partial_parse,
    results_summary,
    reuse_partial_parse,
    test_description,
)
from customer360.landing import ensure_raw_tables
from customer360.privacy import ensure_privacy_tables
from customer360.recovery import prune_dbt_targets
from customer360.settings import Settings
from customer360.warehouse import connect
from orchestration.resources import DUCKDB_POOL, dbt_project

DBT_BUILD = ["build", "--exclude", "test_type:unit", "--indirect-selection", "buildable"]
LAYERS = ("staging", "intermediate", "marts")


class WarehouseTranslator(DagsterDbtTranslator):
    """dbt nodes keyed by schema, grouped by layer, owned by the data team."""

    def __init__(self) -> None:
        super().__init__(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        # Sources carry meta.dagster.asset_key = ["raw", "<source>__<entity>"]: the ingest assets.
        if dbt_resource_props["resource_type"] == "source":
            return super().get_asset_key(dbt_resource_props)
        # Models and seeds: [schema, name], e.g. marts/dim_customers, as BI and the on-call see them.
        return dg.AssetKey([dbt_resource_props["schema"], dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "seed":
            return "reference"
        fqn = dbt_resource_props.get("fqn", [])
        return next((part for part in fqn if part in LAYERS), "warehouse")

    def get_owners(self, dbt_resource_props: Mapping[str, Any]) -> list[str]:
        return super().get_owners(dbt_resource_props) or ["team:data"]

    def get_asset_check_spec(self, asset_spec, manifest, unique_id, project) -> dg.AssetCheckSpec | None:
        """dbt tests as checks that say, in words, what they assert (dagster-dbt reads only meta.description)."""
        spec = super().get_asset_check_spec(asset_spec, manifest, unique_id, project)
        if spec is None:
            return None
        return spec._replace(description=test_description(manifest["nodes"][unique_id]))


def build_transform_definitions(settings: Settings) -> dg.Definitions:
    """The dbt assets, from a manifest made current here (when definitions load, never at import)."""
    manifest = ensure_manifest(settings)

    @dbt_assets(manifest=manifest, project=dbt_project(settings), dagster_dbt_translator=WarehouseTranslator(),
                pool=DUCKDB_POOL)
    def warehouse_models(context: dg.AssetExecutionContext, dbt: DbtCliResource,
                         settings: dg.ResourceParam[Settings]):
        with connect(settings) as con:  # a source with no exports yet still gets its (empty) raw table
            ensure_raw_tables(con)
            ensure_privacy_tables(con)  # the erasure ledger dbt reads
        # dagster-dbt's naming (the bench finds a run's results by it), chosen here to seed it with a parse
        target_path = Path("target", f"{context.op_execution_context.op.name}-{context.run.run_id[:7]}-"
                                     f"{uuid.uuid4().hex[:7]}")
        reuse_partial_parse(settings, target_path)
        # a rebuild as of a date: every time-dependent figure as of it (the var is read by int_calendar__as_of_date)
        pinned = ["--vars", json.dumps({"as_of_date": settings.as_of_date})] if settings.as_of_date else []
        with settings.dbt_variables_in_process_environment():  # dbt writes the warehouse these settings name
            invocation = dbt.cli([*DBT_BUILD, *pinned], context=context, raise_on_error=False,
                                 target_path=target_path)
            yield from invocation.stream()
        keep_partial_parse(settings, target_path)
        prune_dbt_targets(settings.project_dir / "target", settings.keep_dbt_runs)  # ~20 MB a run otherwise
        summary = results_summary(invocation.get_artifact("run_results.json"))
        context.log.info(f"dbt build: {summary['text']}\n\n{summary['markdown']}")
        error = invocation.get_error()
        if error is not None:
            raise error

    return dg.Definitions(assets=[warehouse_models])
