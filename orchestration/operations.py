"""Operations: the one job, the nightly schedule, the new-exports sensor and the run-failure alert."""

import json
import os

import dagster as dg

from customer360.alerts import build_alert, post_alert
from customer360.landing import discover
from customer360.landing.files import earliest_export_date_in
from customer360.settings import Settings

PARTITION_RANGE_START = "dagster/asset_partition_range_start"
PARTITION_RANGE_END = "dagster/asset_partition_range_end"
FALLBACK_START = "2025-01-01"


def partitions_start_date(settings: Settings) -> str:
    """C360_PARTITIONS_START if set, else the earliest export date in the landing folder, else 2025-01-01.

    Read when the code location loads: exports older than the first partition need the location
    reloaded (or C360_PARTITIONS_START set) before they can be ingested."""
    return settings.partitions_start or earliest_export_date_in(settings.landing_dir) or FALLBACK_START


def export_days(settings: Settings) -> dg.DailyPartitionsDefinition:
    """A partition is one export date (UTC). Daily partitions exist once their day has ended: the export
    dated D is loaded on D+1 or later."""
    return dg.DailyPartitionsDefinition(start_date=partitions_start_date(settings))


def build_warehouse_job(partitions: dg.PartitionsDefinition):
    return dg.define_asset_job(
        name="build_warehouse",
        selection=dg.AssetSelection.all(),
        partitions_def=partitions,
        description=(
            "Ingest the export days of the run (a partition or a range: one run either way), then dbt build, "
            "the CLV fit, every check, and publish when no blocking check failed."
        ),
    )


def build_daily_schedule(job) -> dg.ScheduleDefinition:
    return dg.build_schedule_from_partitioned_job(
        job, name="daily_build", hour_of_day=2, minute_of_hour=0,
        description="02:00 every day: ingest yesterday's export files and rebuild everything downstream.",
    )


def new_export_dates(files_with_mtime: list[tuple[str, float]], last_mtime: float) -> tuple[list[str], float]:
    """Export dates with a file modified after last_mtime, and the new high-water mark."""
    fresh = [(date, mtime) for date, mtime in files_with_mtime if mtime > last_mtime]
    return sorted({date for date, _ in fresh}), max([last_mtime, *(mtime for _, mtime in fresh)])


def build_new_exports_sensor(job, partitions: dg.PartitionsDefinition, settings: Settings) -> dg.SensorDefinition:
    @dg.sensor(
        name="new_exports",
        job=job,
        minimum_interval_seconds=60,
        description="Starts ingest and everything downstream for export files that appear in the landing folder.",
    )
    def new_exports(context: dg.SensorEvaluationContext):
        cursor = json.loads(context.cursor) if context.cursor else {"mtime": 0.0}
        found = discover(settings.landing_dir)
        exports = [*found.files, *(u.file for u in found.unknown)]
        dates, high_water = new_export_dates([(f.export_date, os.stat(f.path).st_mtime) for f in exports],
                                             cursor["mtime"])
        known = set(partitions.get_partition_keys())
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


def build_run_failure_alert(settings: Settings) -> dg.SensorDefinition:
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
            ui_url=settings.ui_url,
        )
        status = post_alert(payload, settings.alert_webhook_url)
        if status is None:
            context.log.warning(f"ALERT_WEBHOOK_URL not set; alert: {json.dumps(payload)}")
        else:
            context.log.info(f"alert posted ({status}) for run {payload['run_id']}")

    return run_failure_alert


def build_operations_definitions(settings: Settings, partitions: dg.PartitionsDefinition) -> dg.Definitions:
    job = build_warehouse_job(partitions)
    return dg.Definitions(
        jobs=[job],
        schedules=[build_daily_schedule(job)],
        sensors=[build_new_exports_sensor(job, partitions, settings), build_run_failure_alert(settings)],
    )
