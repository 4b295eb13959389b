"""Benchmark: load a synthetic 1M-row web/events export day, then GX-validate it.

    uv run python -m bench.ingest_bench [--rows 1000000] [--format csv|csv.gz|parquet]

Each phase runs in its own Python process so its peak RSS is its own. Results are printed and
written to bench/results/ingest.json. Files and the warehouse live in bench/cache/ (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
CACHE = BENCH_DIR / "cache"
DAY = "2025-03-01"


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase_load(landing: str, warehouse: str) -> dict:
    import duckdb

    from customer360.landing import ensure_raw_tables, load_export_day
    from customer360.landing.files import discover
    from customer360.settings import Settings

    con = duckdb.connect(warehouse, config={"memory_limit": Settings.from_environment().duckdb_memory_limit,
                                            "preserve_insertion_order": False})
    ensure_raw_tables(con)
    files = discover(landing, [DAY]).for_table("web__events", DAY)
    timings, phases = [], []
    for _ in range(2):  # first load, then an idempotent reload of the same day
        started = time.perf_counter()
        result = load_export_day(con, "web__events", DAY, files, landing)
        timings.append(round(time.perf_counter() - started, 2))
        phases.append(result.phase_seconds)
    return {"load_seconds": timings[0], "reload_seconds": timings[1], "load_phases": phases[0],
            "reload_phases": phases[1], "rows_landed": result.rows_landed,
            "rows_loaded": result.rows_loaded, "rows_quarantined": result.rows_quarantined,
            "peak_rss_mb": round(_peak_rss_mb())}


def phase_gx(warehouse: str, docs: str) -> dict:
    import duckdb

    started = time.perf_counter()
    from customer360.quality.landing_suites import (
        BLOCKING,
        WARNING,
        LandingValidator,
        previous_row_count,
        read_export_day,
        suite_result_to_check,
    )

    validator = LandingValidator(docs_dir=docs)
    setup = time.perf_counter() - started
    con = duckdb.connect(warehouse, read_only=True)
    started = time.perf_counter()
    df = read_export_day(con, "web__events", DAY)
    read = time.perf_counter() - started
    rss_after_read = _peak_rss_mb()
    started = time.perf_counter()
    day = validator.validate(df, "web__events", DAY, previous_row_count(con, "web__events", DAY), docs=True)
    validate = time.perf_counter() - started
    checks = {s: suite_result_to_check(day.result, s)["passed"] for s in (BLOCKING, WARNING)}
    return {"gx_import_and_context_seconds": round(setup, 2), "read_day_to_pandas_seconds": round(read, 2),
            "validate_with_data_docs_seconds": round(validate, 2), "rows": day.rows, "passed": checks,
            "peak_rss_mb_after_read": round(rss_after_read), "peak_rss_mb": round(_peak_rss_mb())}


def _run_phase(*args: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "bench.ingest_bench", "--phase", *args],
                         check=True, capture_output=True, text=True, cwd=BENCH_DIR.parent)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--format", choices=["csv", "csv.gz", "parquet"], default="csv")
    parser.add_argument("--phase", nargs="*")
    args = parser.parse_args()
    if args.phase:
        name, *rest = args.phase
        print(json.dumps(phase_load(*rest) if name == "load" else phase_gx(*rest)))
        return

    from bench.synthetic import write_web_events

    landing = CACHE / f"landing-{args.format}-{args.rows}"
    warehouse = CACHE / f"warehouse-{args.format}-{args.rows}.duckdb"
    for p in (warehouse, Path(f"{warehouse}.wal")):
        p.unlink(missing_ok=True)
    csv = landing / "web" / "events" / f"{DAY}.csv"
    if not any((landing / "web" / "events").glob(f"{DAY}*")) if (landing / "web" / "events").exists() else True:
        write_web_events(landing, DAY, args.rows)
        if args.format != "csv":
            import duckdb

            target = csv.with_name(f"{DAY}.{args.format}")
            fmt = "(format parquet)" if args.format == "parquet" else "(header, compression gzip)"
            duckdb.sql(f"copy (select * from read_csv('{csv}', all_varchar = true)) to '{target}' {fmt}")
            csv.unlink()
    size = sum(f.stat().st_size for f in (landing / "web" / "events").iterdir())
    load = _run_phase("load", str(landing), str(warehouse))
    gx = _run_phase("gx", str(warehouse), str(CACHE / "docs"))
    results = {"format": args.format, "rows": args.rows, "file_mb": round(size / 1e6, 1),
               "cpus": os.cpu_count(), "machine": platform.machine(), "load": load, "gx": gx}
    print(json.dumps(results, indent=2))
    out = BENCH_DIR / "results" / "ingest.json"
    out.parent.mkdir(exist_ok=True)
    previous = json.loads(out.read_text()) if out.exists() else {}
    previous[f"web_events_{args.format}_{args.rows}"] = results
    out.write_text(json.dumps(previous, indent=2) + "\n")


if __name__ == "__main__":
    main()
