"""`make run`: fill the landing folder from the simulator when it is empty, build every export day
through publish in one Dagster run, and show what was built.

    python -m orchestration.build                       # LANDING_DIR (default data/landing), demo data if empty
    LANDING_DIR=/my/exports PII_SALT=... python -m orchestration.build
    LANDING_DIR=/tmp/demo python -m orchestration.build --simulate   # the demo into another folder
    python -m orchestration.build --as-of 2025-02-15    # make run AS_OF=2025-02-15: every stage as of that
                                                        # date, into files of its own (today's stay as they are)

The console shows one progress bar per stage and a closing table; the whole log (Dagster's events,
dbt's output) is data/logs/<run_id>.log. The demo is simulated only into the default landing folder
(or with --simulate): a mistyped LANDING_DIR stops before ingest, as does any other problem of
customer360/preflight.py (own exports without a PII_SALT among them). Exit codes: 0 built and
published, 1 the run failed (alerted like any failed run), 2 stopped before ingest (configuration:
nothing was loaded).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import uuid
from pathlib import Path

from customer360.landing import discover
from customer360.preflight import preflight, simulate_demo_into
from customer360.run_summary import warehouse_figures
from customer360.settings import PROJECT_DIR, Settings
from orchestration.console import BuildConsole, console_logger, output_to_log, plan_stages

DEMO = {"persons": 3000, "days": 90, "seed": 42}
RANGE_START, RANGE_END = "dagster/asset_partition_range_start", "dagster/asset_partition_range_end"


def simulate_demo(landing: Path, truth: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "simulator", "--persons", str(DEMO["persons"]), "--days", str(DEMO["days"]),
         "--seed", str(DEMO["seed"]), "--out", str(landing), "--truth", str(truth), "--quiet"],
        check=True, cwd=PROJECT_DIR,
    )


def record_last_build(settings: Settings, run_id: str, success: bool) -> None:
    """The build's context (the variables it was configured with, secrets left out) for `make ui`
    (orchestration/ui.py)."""
    path = settings.last_build_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({
        "run_id": run_id, "success": success, "finished_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "environment": dict(settings.environment), "dagster_home": str(settings.dagster_home),
        "warehouse": str(settings.warehouse_path), "serving": str(settings.serving_path),
    }, indent=2) + "\n")


def dbt_failures(project_dir: Path, run_id: str) -> list[str]:
    """dbt's own account of what failed in the run (its run_results.json): a line per failed node."""
    lines = []
    for results in sorted(project_dir.glob(f"target/*-{run_id[:7]}-*/run_results.json")):
        for result in json.loads(results.read_text()).get("results", []):
            if str(result.get("status")).lower() in ("error", "fail", "runtime error"):
                message = " ".join(str(result.get("message") or "").split())[:300]
                lines.append(f"{result['unique_id']}: {result['status']}: {message}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-simulate", action="store_true", help="never fill an empty landing folder")
    parser.add_argument("--simulate", action="store_true",
                        help="simulate the demo into an empty LANDING_DIR other than the default data/landing")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="rebuild every stage as of this date")
    args = parser.parse_args(argv)

    try:
        settings = Settings.from_environment(overrides={"C360_AS_OF_DATE": args.as_of} if args.as_of else None)
    except ValueError as error:
        print(f"Not built: {error}", file=sys.stderr)
        return 2
    run_id = str(uuid.uuid4())
    log_path = settings.log_dir / f"{run_id}.log"
    with output_to_log(log_path) as (terminal, error_terminal):
        console = BuildConsole(terminal, error_terminal)
        simulate = simulate_demo_into(settings, asked=args.simulate, refused=args.no_simulate)
        try:
            return build(settings, run_id, log_path, console, simulate=simulate)
        except KeyboardInterrupt:
            console.error("Interrupted: the build stopped; the serving file was not changed.")
            return 130


def build(settings: Settings, run_id: str, log_path: Path, console: BuildConsole, simulate: bool) -> int:
    landing = settings.landing_dir
    with console.progress:
        if simulate:
            console.print(f"{landing} is empty: simulating the demo sources, {DEMO['persons']:,} persons x "
                          f"{DEMO['days']} days")
            with console.stage("simulate"):
                simulate_demo(landing, settings.truth_dir)

        # before anything is loaded: configuration problems stop the run (exit code 2)
        problems = preflight(settings)
        if problems:  # nothing built, nothing written
            console.progress.stop()
            for problem in problems:
                console.error(f"Not built: {problem}")
            return 2
        dates = [d for d in discover(landing).export_dates if not settings.as_of_date or d <= settings.as_of_date]
        if not dates:
            console.progress.stop()
            console.error(f"Not built: no export files in {landing}"
                          f"{' up to ' + settings.as_of_date if settings.as_of_date else ''} "
                          "(docs/landing.md shows the layout).")
            return 2

        # Definitions once the landing folder is filled: the daily partitions start at its earliest export.
        import dagster as dg

        from orchestration.definitions import build_definitions
        from orchestration.operations import alert_failed_run
        from orchestration.recovery import exclusive_build
        from orchestration.resources import ensure_dagster_home

        as_of = f", as of {settings.as_of_date}" if settings.as_of_date else ""
        console.print(f"Building export days {dates[0]} .. {dates[-1]} from {landing}{as_of}")
        console.print(f"Full log: {log_path}")
        job = build_definitions(settings).resolve_job_def("build_warehouse")
        job = job.with_logger_defs({"console": console_logger(console, sys.stdout)})
        console.start_stages(plan_stages(job, days=len(dates)))
        started = time.monotonic()
        with dg.DagsterInstance.from_config(str(ensure_dagster_home(settings))) as instance:
            # one build at a time; what a killed build left behind is repaired first (orchestration/recovery.py)
            with exclusive_build(settings, instance, console.print) as process_tags:
                result = job.execute_in_process(
                    instance=instance, run_id=run_id, raise_on_error=False,
                    tags={RANGE_START: dates[0], RANGE_END: dates[-1], **process_tags,
                          **({"customer360/as_of_date": settings.as_of_date} if settings.as_of_date else {})},
                    run_config={"loggers": {"console": {}},  # the console logger above, not Dagster's own
                                "resources": {"settings": {"config": {"as_of_date": settings.as_of_date}}}},
                )
            elapsed = time.monotonic() - started
            console.end_run()
            alerted: list[str] = []
            alert_error = None
            if not result.success:
                try:
                    alerted = alert_failed_run(instance, run_id, settings, _LogTo(console))
                except Exception as error:  # noqa: BLE001 - the build's outcome stands whatever the alert did
                    alert_error = str(error)
    try:
        figures = warehouse_figures(settings.warehouse_path) if settings.warehouse_path.exists() else None
    except Exception as error:  # noqa: BLE001 - e.g. another process holds the warehouse
        figures = None
        console.error(f"Rows per layer not read: {str(error).splitlines()[0]}")
    console.summary(figures, [] if result.success else dbt_failures(settings.project_dir, run_id))
    record_last_build(settings, run_id, result.success)

    if result.success:
        console.print(f"[green]Run {run_id} succeeded in {elapsed:.0f} s.[/] Serving file for BI (read-only, "
                      f"PII hashed): {settings.serving_path}")
    else:
        console.error(f"Run {run_id} FAILED in {elapsed:.0f} s; the serving file was not changed.")
        if alerted or alert_error:
            console.print(f"Alert sent to {', '.join(alerted)}." if alerted else f"Alert not sent: {alert_error}")
    console.print(f"Full log: {log_path}; runbook: docs/runbook.md; UI: make ui (http://127.0.0.1:3000)")
    return 0 if result.success else 1


class _LogTo:
    """The alert's log lines (no channel configured: the alert itself) into the run's log file."""

    def __init__(self, console: BuildConsole) -> None:
        self.console = console

    def info(self, message: str) -> None:
        print(message, file=sys.stderr)

    def warning(self, message: str) -> None:
        print(f"WARNING: {message}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
