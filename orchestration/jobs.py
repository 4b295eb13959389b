"""The one job: every export day's ingest and everything downstream of it, through publish."""

from __future__ import annotations

import dagster as dg

from orchestration.partitions import export_days

build_warehouse = dg.define_asset_job(
    name="build_warehouse",
    selection=dg.AssetSelection.all(),
    partitions_def=export_days,
    description=(
        "Ingest the export days of the run (a partition or a range: one run either way), then dbt build, "
        "the CLV fit, every check, and publish when no blocking check failed."
    ),
)
