"""Operations: the one job, the nightly schedule, the new-exports sensor and the run-failure alert."""

import datetime as dt
import json
import os

import dagster as dg

from customer360.alerts import (
    AlertDeliveryError,
    alert_text,
    build_alert,
    causes_of,
    error_text,
    post_alert,
    with_retries,
)
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


ALERTED_TAG = "customer360/alerted"  # set on a failed run once its alert went out (or was logged)
ALERT_LOOKBACK = dt.timedelta(days=7)  # failed runs this recent are alerted, even from before the daemon


def run_alert(instance: dg.DagsterInstance, run: dg.DagsterRun, settings: Settings) -> dict:
    """The alert for a failed run, from its event log: failed steps, the first error, the blocking checks
    that failed (each with its runbook section)."""
    records = instance.all_logs(run.run_id, of_type={
        dg.DagsterEventType.STEP_FAILURE, dg.DagsterEventType.RUN_FAILURE, dg.DagsterEventType.ASSET_CHECK_EVALUATION})
    events = [r.dagster_event for r in records if r.dagster_event]
    step_failures = [e for e in events if e.event_type == dg.DagsterEventType.STEP_FAILURE]
    errors = [error_text(e.step_failure_data.error.message, causes_of(e.step_failure_data.error))
              for e in step_failures if e.step_failure_data and e.step_failure_data.error]
    run_failure = next((e.message for e in events if e.event_type == dg.DagsterEventType.RUN_FAILURE), "")
    checks = [e.asset_check_evaluation_data for e in events
              if e.event_type == dg.DagsterEventType.ASSET_CHECK_EVALUATION]
    failed_checks = [(c.asset_key.to_user_string(), c.check_name, c.description) for c in checks
                     if not c.passed and c.severity == dg.AssetCheckSeverity.ERROR]
    return build_alert(
        run_id=run.run_id, job_name=run.job_name,
        failed_steps=sorted({e.step_key for e in step_failures if e.step_key}),
        error=errors[0] if errors else run_failure or "", ui_url=settings.ui_url,
        failed_checks=failed_checks, runbook_url=settings.runbook_url,
    )


def send_alert(payload: dict, settings: Settings, log) -> list[str]:
    """Every configured channel, each with retries: the JSON webhook, Slack (dagster-slack), Teams
    (dagster-msteams). With none configured the alert is logged. Returns the channels that received it;
    raises AlertDeliveryError when a configured channel could not be reached."""
    delivered, failures = [], []
    attempts = settings.alert_attempts

    def deliver(channel: str, send) -> None:
        try:
            with_retries(send, attempts=attempts)
            delivered.append(channel)
        except AlertDeliveryError as error:
            failures.append(f"{channel}: {error}")

    if settings.alert_webhook_url:
        deliver("webhook", lambda: post_alert(payload, settings.alert_webhook_url, attempts=1))
    if settings.slack_token and settings.slack_channel:
        from dagster_slack import SlackResource

        client = SlackResource(token=settings.slack_token).get_client()
        if settings.slack_api_url:
            client.base_url = settings.slack_api_url.rstrip("/") + "/"
        deliver("slack", lambda: client.chat_postMessage(channel=settings.slack_channel, text=alert_text(payload)))
    if settings.teams_webhook_url:
        from dagster_msteams.adaptive_card import AdaptiveCard
        from dagster_msteams.client import TeamsClient

        card = AdaptiveCard()
        card.add_attachment(alert_text(payload))
        teams = TeamsClient(hook_url=settings.teams_webhook_url, timeout=10)
        deliver("teams", lambda: teams.post_message(card.payload))
    if not (settings.alert_webhook_url or settings.slack_token or settings.teams_webhook_url):
        log.warning(f"No alert channel configured (ALERT_WEBHOOK_URL, SLACK_TOKEN + SLACK_CHANNEL, "
                    f"MSTEAMS_WEBHOOK_URL); alert: {json.dumps(payload)}")
        return []
    if failures:
        raise AlertDeliveryError("; ".join(failures))
    return delivered


def alert_failed_run(instance: dg.DagsterInstance, run_id: str, settings: Settings, log) -> list[str]:
    """Alert once per failed run, whoever ran it (make run in-process, the daemon, the UI): the run is
    tagged when its alert went out, so the sensor does not send it again."""
    run = instance.get_run_by_id(run_id)
    if run is None or run.tags.get(ALERTED_TAG):
        return []
    payload = run_alert(instance, run, settings)
    delivered = send_alert(payload, settings, log)
    instance.add_run_tags(run_id, {ALERTED_TAG: ",".join(delivered) or "logged"})
    if delivered:
        log.info(f"alert for run {run_id} sent to {', '.join(delivered)}")
    return delivered


def build_run_failure_alert(settings: Settings) -> dg.SensorDefinition:
    @dg.sensor(
        name="run_failure_alert",
        default_status=dg.DefaultSensorStatus.RUNNING,
        minimum_interval_seconds=30,
        description="Alerts on every failed run of this instance not alerted yet (make run alerts its own; runs "
                    "that failed before the daemon started included): ALERT_WEBHOOK_URL, Slack, Teams, with "
                    "retries; logged when none is set.",
    )
    def run_failure_alert(context: dg.SensorEvaluationContext):
        failed = context.instance.get_runs(filters=dg.RunsFilter(
            statuses=[dg.DagsterRunStatus.FAILURE],
            updated_after=dt.datetime.now(dt.UTC) - ALERT_LOOKBACK), limit=100)
        pending = [run for run in failed if not run.tags.get(ALERTED_TAG)]
        problems = []
        for run in reversed(pending):  # the oldest first
            try:
                alert_failed_run(context.instance, run.run_id, settings, context.log)
            except AlertDeliveryError as error:  # tried again next tick: the run stays untagged
                problems.append(f"{run.run_id}: {error}")
        if problems:
            raise AlertDeliveryError("; ".join(problems))
        return dg.SkipReason(f"{len(pending)} failed run(s) alerted" if pending else "no failed run to alert")

    return run_failure_alert


def build_operations_definitions(settings: Settings, partitions: dg.PartitionsDefinition) -> dg.Definitions:
    job = build_warehouse_job(partitions)
    return dg.Definitions(
        jobs=[job],
        schedules=[build_daily_schedule(job)],
        sensors=[build_new_exports_sensor(job, partitions, settings), build_run_failure_alert(settings)],
    )
