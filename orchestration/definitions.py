"""The customer360 Dagster code location: wiring only."""

from __future__ import annotations

import dagster as dg

from orchestration.assets.clv import clv_fit
from orchestration.assets.ingest import ingest_assets
from orchestration.assets.publish import build_publish_asset
from orchestration.assets.warehouse import warehouse_models
from orchestration.checks.freshness import freshness_checks
from orchestration.checks.identity_checks import identity_checks
from orchestration.checks.landing_checks import landing_checks
from orchestration.checks.mart_checks import mart_checks
from orchestration.jobs import build_warehouse
from orchestration.partitions import export_days
from orchestration.resources import build_resources
from orchestration.schedules import daily_build
from orchestration.sensors import build_new_exports_sensor, run_failure_alert


def build_definitions() -> dg.Definitions:
    """Resources follow WAREHOUSE_PATH / LANDING_DIR as they are when this is called."""
    asset_checks = [*landing_checks, *freshness_checks, *identity_checks, *mart_checks]
    mart_keys = [key for key in [*warehouse_models.keys, *clv_fit.keys] if key.path[0] == "marts"]
    check_keys = [key for d in [*ingest_assets, warehouse_models, clv_fit, *asset_checks] for key in d.check_keys]
    publish_marts = build_publish_asset(mart_keys, check_keys)
    return dg.Definitions(
        assets=[*ingest_assets, warehouse_models, clv_fit, publish_marts],
        asset_checks=asset_checks,
        jobs=[build_warehouse],
        schedules=[daily_build],
        sensors=[build_new_exports_sensor(build_warehouse, export_days), run_failure_alert],
        resources=build_resources(),
    )


defs = build_definitions()
