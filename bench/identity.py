"""Identity on a simulated population: load a landing folder into a fresh warehouse, build the
identity models, and report quality (precision/recall against the simulator's truth), cluster
counts, stage time and peak memory.

    python -m bench.identity --landing DIR --truth DIR --warehouse FILE [--skip-load] [--json OUT]

Generate the landing folder first, e.g.
    python -m simulator --persons 100000 --days 60 --seed 1 --out /tmp/x/landing --truth /tmp/x/truth
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from customer360.identity.quality import identity_quality
from customer360.landing import ensure_raw_tables, load_export_day
from customer360.landing.files import classify_paths

PROJECT_DIR = Path(__file__).resolve().parents[1]
SELECT = ["+path:models/marts/identity", "+path:models/intermediate/identity"]


def load(landing: Path, warehouse: Path) -> float:
    started = time.perf_counter()
    relpaths = [str(p.relative_to(landing)) for p in landing.rglob("*") if p.is_file()]
    discovery = classify_paths(relpaths, landing)
    con = duckdb.connect(str(warehouse))
    try:
        ensure_raw_tables(con)
        by_day: dict[tuple[str, str], list] = {}
        for f in discovery.files:
            by_day.setdefault((f"{f.source}__{f.entity}", f.export_date), []).append(f)
        for (table, day), files in sorted(by_day.items()):
            load_export_day(con, table, day, files, landing)
    finally:
        con.close()
    return time.perf_counter() - started


def build(warehouse: Path, target: Path, threads: int) -> tuple[float, int, str]:
    """dbt build of the identity models (unit tests excluded); wall seconds and peak RSS in KiB."""
    env = {**os.environ, "WAREHOUSE_PATH": str(warehouse), "DO_NOT_TRACK": "1", "DBT_THREADS": str(threads)}
    dbt = str(Path(sys.executable).with_name("dbt"))
    command = ["/usr/bin/time", "-f", "%M", dbt, "build", "--select", *SELECT, "--exclude", "test_type:unit",
               "--project-dir", str(PROJECT_DIR), "--profiles-dir", str(PROJECT_DIR),
               "--target-path", str(target), "--log-path", str(target / "logs")]
    started = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(result.stdout[-5000:] + result.stderr[-2000:])
    peak_kib = int(result.stderr.strip().splitlines()[-1])
    return elapsed, peak_kib, result.stdout


def model_times(dbt_stdout: str) -> dict[str, float]:
    times = {}
    for line in dbt_stdout.splitlines():
        if " OK created " in line and " in " in line:
            name = line.split(" model ")[-1].split(" ")[0]
            times[name] = float(line.rsplit(" in ", 1)[1].split("s")[0])
    return dict(sorted(times.items(), key=lambda kv: -kv[1]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--landing", type=Path, required=True)
    parser.add_argument("--truth", type=Path, required=True)
    parser.add_argument("--warehouse", type=Path, required=True)
    parser.add_argument("--skip-load", action="store_true", help="the warehouse already holds raw")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--json", type=Path, help="write the report here too")
    args = parser.parse_args(argv)

    report: dict = {"landing": str(args.landing)}
    if not args.skip_load:
        args.warehouse.unlink(missing_ok=True)
        report["load_seconds"] = round(load(args.landing, args.warehouse), 1)
    elapsed, peak_kib, stdout = build(args.warehouse, args.warehouse.parent / "target-identity", args.threads)
    report["identity_build_seconds"] = round(elapsed, 1)
    report["identity_build_peak_rss_mib"] = round(peak_kib / 1024)
    report["model_seconds"] = model_times(stdout)
    con = duckdb.connect(str(args.warehouse), read_only=True)
    try:
        started = time.perf_counter()
        report["quality"] = identity_quality(con, args.truth)
        report["quality_seconds"] = round(time.perf_counter() - started, 1)
        report["blocked_by_rule"] = dict(con.execute(
            "select block_rule, count(*) from intermediate.int_identity__blocked_identifiers group by 1 order by 1"
        ).fetchall())
        report["raw_rows"] = con.execute(
            "select sum(estimated_size) from duckdb_tables() where schema_name = 'raw'").fetchone()[0]
    finally:
        con.close()
    text = json.dumps(report, indent=2, default=str)
    print(text)
    if args.json:
        args.json.write_text(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
