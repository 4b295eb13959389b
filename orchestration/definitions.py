"""The customer360 Dagster code location: wiring only."""

from __future__ import annotations

import dagster as dg

from orchestration.assets.ingest import ingest_assets
from orchestration.assets.publish import build_publish_asset
from orchestration.assets.warehouse import warehouse_models
from orchestration.checks.landing_checks import landing_checks
from orchestration.jobs import build_warehouse
from orchestration.partitions import export_days
from orchestration.resources import build_resources
from orchestration.schedules import daily_build
from orchestration.sensors import build_new_exports_sensor, run_failure_alert

mart_keys = [key for key in warehouse_models.keys if key.path[0] == "marts"]
publish_marts = build_publish_asset(mart_keys)

defs = dg.Definitions(
    assets=[*ingest_assets, warehouse_models, publish_marts],
    asset_checks=[*landing_checks],
    jobs=[build_warehouse],
    schedules=[daily_build],
    sensors=[build_new_exports_sensor(build_warehouse, export_days), run_failure_alert],
    resources=build_resources(),
)
