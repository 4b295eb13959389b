"""The nightly build: yesterday's exports, end to end."""

from __future__ import annotations

import dagster as dg

from orchestration.jobs import build_warehouse

daily_build = dg.build_schedule_from_partitioned_job(
    build_warehouse,
    name="daily_build",
    hour_of_day=2,
    minute_of_hour=0,
    description="02:00 every day: ingest yesterday's export files and rebuild everything downstream.",
)
