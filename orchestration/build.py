"""`make run`: fill the landing folder from the simulator when it is empty, build every export day
through publish in one Dagster run, and print what was built.

    python -m orchestration.build            # LANDING_DIR (default data/landing), demo data if empty
    LANDING_DIR=/my/exports python -m orchestration.build
    LANDING_DIR=/tmp/demo python -m orchestration.build --simulate   # the demo into another folder

The demo is simulated only into the default landing folder (or with --simulate): a mistyped
LANDING_DIR stops before ingest (exit 2), as does any other problem of customer360/preflight.py.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from customer360.landing import discover
from customer360.preflight import preflight, simulate_demo_into
from customer360.settings import PROJECT_DIR, Settings

DEMO = {"persons": 3000, "days": 90, "seed": 42}
RANGE_START, RANGE_END = "dagster/asset_partition_range_start", "dagster/asset_partition_range_end"


def simulate_demo(landing: Path, truth: Path) -> None:
    print(f"Landing folder {landing} is empty: simulating {DEMO['persons']:,} persons x {DEMO['days']} days ...")
    subprocess.run(
        [sys.executable, "-m", "simulator", "--persons", str(DEMO["persons"]), "--days", str(DEMO["days"]),
         "--seed", str(DEMO["seed"]), "--out", str(landing), "--truth", str(truth)],
        check=True, cwd=PROJECT_DIR,
    )


def summarise(warehouse: Path) -> str:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        lines = ["", "Rows per layer:"]
        for schema in ("raw", "staging", "intermediate", "marts"):
            tables = [r[0] for r in con.execute(
                "select table_name from information_schema.tables where table_schema = ? order by 1", [schema]
            ).fetchall()]
            total = sum(con.execute(f'select count(*) from {schema}."{t}"').fetchone()[0] for t in tables)
            lines.append(f"  {schema:<13} {len(tables):>3} tables/views {total:>12,} rows")
        quarantined = con.execute(
            "select reason, count(*) as n from raw.quarantine group by reason order by n desc, reason"
        ).fetchall()
        lines.append(f"Quarantined rows by reason ({sum(n for _, n in quarantined):,} in raw.quarantine):")
        lines += [f"  {n:>8,}  {reason}" for reason, n in quarantined] or ["  none"]
        return "\n".join(lines)
    finally:
        con.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-simulate", action="store_true", help="never fill an empty landing folder")
    parser.add_argument("--simulate", action="store_true",
                        help="simulate the demo into an empty LANDING_DIR other than the default data/landing")
    args = parser.parse_args(argv)

    settings = Settings.from_environment()
    landing = settings.landing_dir
    if simulate_demo_into(settings, asked=args.simulate, refused=args.no_simulate):
        simulate_demo(landing, settings.truth_dir)
    problems = preflight(settings)
    if problems:  # before ingest: nothing is built, nothing written
        print("\n".join(f"Not built: {p}" for p in problems), file=sys.stderr)
        return 2

    # Definitions after the landing folder is filled: the daily partitions start at its earliest export.
    import dagster as dg

    from orchestration.definitions import build_definitions
    from orchestration.recovery import exclusive_build

    dates = discover(landing).export_dates
    if not dates:
        print(f"No export files in {landing} (see docs/landing.md for the layout).", file=sys.stderr)
        return 2
    print(f"Building export days {dates[0]} .. {dates[-1]} from {landing} into {settings.warehouse_path}")
    started = time.monotonic()
    instance = dg.DagsterInstance.get()
    try:  # one build at a time; what a killed build left behind is repaired first (orchestration/recovery.py)
        with exclusive_build(settings, instance) as process_tags:
            result = build_definitions(settings).resolve_job_def("build_warehouse").execute_in_process(
                instance=instance,
                tags={RANGE_START: dates[0], RANGE_END: dates[-1], **process_tags},
                raise_on_error=False,
            )
    except KeyboardInterrupt:
        print("Interrupted: the build stopped; the serving file was not changed.", file=sys.stderr)
        return 130
    elapsed = time.monotonic() - started

    failed_checks = [
        e.asset_check_evaluation_data for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION" and not e.asset_check_evaluation_data.passed
    ]
    if settings.warehouse_path.exists():
        print(summarise(settings.warehouse_path))
    if failed_checks:
        print(f"Checks that failed ({len(failed_checks)}):")
        for check in failed_checks:
            print(f"  [{check.severity.value}] {check.asset_key.to_user_string()} :: {check.check_name}")
    print(f"\nRun {result.run_id} {'succeeded' if result.success else 'FAILED'} in {elapsed:.0f} s.")
    if result.success:
        print(f"Warehouse: {settings.warehouse_path}")
        print(f"Serving file for BI (read-only, PII hashed): {settings.serving_path}")
    else:
        failed = [e.step_key for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
        print(f"Failed steps: {', '.join(failed)}. The serving file was not changed.", file=sys.stderr)
    print(f"Open the Dagster UI with `make ui` (http://127.0.0.1:3000, DAGSTER_HOME={settings.dagster_home});"
          " the runbook is docs/runbook.md.")
    return 0 if result.success else 1


if __name__ == "__main__":
    sys.exit(main())
