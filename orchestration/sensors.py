"""Sensors: build new export files as they land; alert when a run fails."""

from __future__ import annotations

import json
import os

import dagster as dg

from orchestration.alerts import build_alert, post_alert
from orchestration.landing.files import discover
from orchestration.paths import landing_dir

PARTITION_RANGE_START = "dagster/asset_partition_range_start"
PARTITION_RANGE_END = "dagster/asset_partition_range_end"


def new_export_dates(files_with_mtime: list[tuple[str, float]], last_mtime: float) -> tuple[list[str], float]:
    """Export dates with a file modified after last_mtime, and the new high-water mark."""
    fresh = [(date, mtime) for date, mtime in files_with_mtime if mtime > last_mtime]
    return sorted({date for date, _ in fresh}), max([last_mtime, *(mtime for _, mtime in fresh)])


def build_new_exports_sensor(job, partitions_def) -> dg.SensorDefinition:
    @dg.sensor(
        name="new_exports",
        job=job,
        minimum_interval_seconds=60,
        description="Starts ingest and everything downstream for export files that appear in the landing folder.",
    )
    def new_exports(context: dg.SensorEvaluationContext):
        cursor = json.loads(context.cursor) if context.cursor else {"mtime": 0.0}
        found = discover(landing_dir())
        exports = [*found.files, *(u.file for u in found.unknown)]
        dates, high_water = new_export_dates([(f.export_date, os.stat(f.path).st_mtime) for f in exports],
                                             cursor["mtime"])
        known = set(partitions_def.get_partition_keys())
        unknown = [d for d in dates if d not in known]
        dates = [d for d in dates if d in known]
        if unknown:
            context.log.warning(f"export dates outside the partitions (set C360_PARTITIONS_START?): {unknown}")
        context.update_cursor(json.dumps({"mtime": high_water}))
        if not dates:
            return dg.SkipReason("no new export files")
        # One run for the whole span (BackfillPolicy.single_run): a day or a year of exports alike.
        return dg.RunRequest(
            run_key=f"exports-{dates[0]}-{dates[-1]}-{high_water}",
            tags={PARTITION_RANGE_START: dates[0], PARTITION_RANGE_END: dates[-1]},
        )

    return new_exports


@dg.run_failure_sensor(
    name="run_failure_alert",
    monitor_all_code_locations=False,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Posts a JSON alert to ALERT_WEBHOOK_URL for every failed run (logged when unset).",
)
def run_failure_alert(context: dg.RunFailureSensorContext):
    failed_steps = sorted({e.step_key for e in context.get_step_failure_events() if e.step_key})
    errors = [e.event_specific_data.error.message for e in context.get_step_failure_events()
              if e.event_specific_data and e.event_specific_data.error]
    payload = build_alert(
        run_id=context.dagster_run.run_id,
        job_name=context.dagster_run.job_name,
        failed_steps=failed_steps,
        error=(errors[0] if errors else context.failure_event.message or ""),
    )
    status = post_alert(payload)
    if status is None:
        context.log.warning(f"ALERT_WEBHOOK_URL not set; alert: {json.dumps(payload)}")
    else:
        context.log.info(f"alert posted ({status}) for run {payload['run_id']}")
