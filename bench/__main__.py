"""Benchmark the whole build at two population sizes; write bench/results/<date>.json, .md and a chart.

    python -m bench                         # 100k and 1M persons x 365 days
    python -m bench --sizes 20000 --days 60 # a quick run

For each size: simulate (cached under bench/cache/), hold back the last export day, run the real
Dagster job over the other days in a fresh warehouse (the full build), run the same compiled dbt SQL
straight in one DuckDB session (the floor), then the held-back day alone (the incremental day).
Peak memory is the summed RSS of the whole process tree, sampled every 0.2 s. Sizes measured earlier
the same day are kept in the results beside the ones of this run (`--sizes 100000` then
`--sizes 1000000` gives one table with both).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from customer360.settings import Settings

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
CACHE_DIR = BENCH_DIR / "cache"
RESULTS_DIR = BENCH_DIR / "results"
RANGE_START, RANGE_END = "dagster/asset_partition_range_start", "dagster/asset_partition_range_end"
STAGES = ("ingest", "staging", "matching", "identity", "journeys", "loyalty", "clv", "checks", "publish")


class TreeRss:
    """Peak summed RSS (MB) of this process and all its descendants, and who held it at the peak."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval, self.peak_mb, self._stop = interval, 0.0, threading.Event()
        self.samples: list[tuple[float, float]] = []  # (epoch seconds, MB): peak memory per stage
        self.peak_by_process: dict[str, int] = {}  # process -> MB at the peak (which one to shrink)
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _tree_rss_mb(root: int) -> tuple[float, dict[str, int]]:
        children: dict[int, list[int]] = {}
        rss: dict[int, int] = {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
                ppid, pages = int(fields[1]), int(fields[21])
            except (OSError, IndexError, ValueError):
                continue
            pid = int(entry.name)
            children.setdefault(ppid, []).append(pid)
            rss[pid] = pages
        page_mb = os.sysconf("SC_PAGE_SIZE") / 2**20
        total, todo, by_process = 0, [root], {}
        while todo:
            pid = todo.pop()
            total += rss.get(pid, 0)
            if rss.get(pid, 0) * page_mb >= 50:
                by_process[f"{pid} {_command(pid)}"] = round(rss[pid] * page_mb)
            todo.extend(children.get(pid, []))
        return total * page_mb, by_process

    def _run(self) -> None:
        while not self._stop.is_set():
            mb, by_process = self._tree_rss_mb(os.getpid())
            self.samples.append((time.time(), mb))
            if mb > self.peak_mb:
                self.peak_mb, self.peak_by_process = mb, by_process
            time.sleep(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def _command(pid: int) -> str:
    """A short name for a process: dbt, the Dagster run, the bench itself."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            args = fh.read().decode(errors="replace").split("\0")
    except OSError:
        return "?"
    names = [os.path.basename(a) for a in args[:3] if a and not a.startswith("-")]
    if any(n == "dbt" for n in names):
        return "dbt"
    if len(args) > 1 and args[1] == "-c":
        return "dagster run (python -c)"
    return " ".join(names)[:40]


def simulator_version() -> str:
    """A hash of the simulator's code: a cached population is simulated again when the simulator changed."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted((PROJECT_DIR / "simulator").glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


def simulate(persons: int, days: int, seed: int) -> Path:
    """Cached simulated landing folder (plus truth beside it) for this size and simulator version."""
    root = CACHE_DIR / f"{persons}x{days}-s{seed}-{simulator_version()}"
    if not (root / "complete").exists():
        shutil.rmtree(root, ignore_errors=True)
        started = time.monotonic()
        subprocess.run(
            [sys.executable, "-m", "simulator", "--persons", str(persons), "--days", str(days), "--seed", str(seed),
             "--out", str(root / "landing"), "--truth", str(root / "truth"), "--quiet"],
            check=True, cwd=PROJECT_DIR,
        )
        (root / "complete").write_text(f"{time.monotonic() - started:.1f}\n")
    return root


def hold_back_last_day(landing: Path, held: Path) -> str:
    """Move the newest export day's files aside; return that day."""
    files = sorted(p for p in landing.glob("*/*/*") if p.is_file())
    last = max(p.name[:10] for p in files)
    for p in files:
        if p.name.startswith(last):
            target = held / p.relative_to(landing)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(p, target)
    return last


def restore(held: Path, landing: Path) -> None:
    for p in sorted(held.rglob("*")):
        if p.is_file():
            target = landing / p.relative_to(held)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(p, target)


def stage_of_step(step_key: str) -> str:
    if step_key.startswith("ingest") or "unknown_exports" in step_key:
        return "ingest"
    if step_key.startswith("matcher"):
        return "matching"
    if "clv" in step_key:
        return "clv"
    if "publish" in step_key or step_key.startswith("serving"):
        return "publish"
    if "warehouse_models" in step_key:
        return "dbt"
    return "checks"


def dbt_results(run_results: list[Path]) -> list[dict]:
    return [r for path in run_results for r in json.loads(path.read_text())["results"]]


def dbt_stage_seconds(results: list[dict], manifest: Path) -> dict[str, float]:
    """dbt node time by stage: the model's folder (staging, identity, journeys, loyalty); tests in checks.

    dbt runs two threads, so node times overlap; the dbt steps' wall time is shared out over the stages
    in proportion to these sums (see bench_size)."""
    nodes = json.loads(manifest.read_text())["nodes"]
    out: dict[str, float] = {}
    for result in results:
        stage = stage_of_node(nodes.get(result["unique_id"], {}))
        out[stage] = out.get(stage, 0.0) + float(result.get("execution_time") or 0.0)
    return out


def stage_of_node(node: dict) -> str:
    fqn = node.get("fqn", [])
    if node.get("resource_type") in ("test", "unit_test"):
        return "checks"
    if "staging" in fqn or "calendar" in fqn or node.get("resource_type") == "seed":
        return "staging"
    # the probabilistic matcher: person records, scores, decisions, the components links join
    if node.get("name", "").startswith(("int_identity__person_records", "int_identity__match_")):
        return "matching"
    # intermediate/journey and marts/journeys are both the journeys stage
    if "journey" in fqn or "journeys" in fqn:
        return "journeys"
    return next((s for s in ("identity", "loyalty") if s in fqn), "loyalty")


def stage_peak_rss_mb(samples: list[tuple[float, float]], run: dict, results: list[dict],
                      manifest: Path) -> dict[str, int]:
    """Peak RSS of the process tree while a step (ingest, clv, checks, publish) or a dbt node (staging,
    identity, journeys, loyalty) of the stage ran. dbt runs two nodes at a time, so a peak during two
    nodes of different stages counts for both."""
    windows: list[tuple[str, float, float]] = [
        (stage_of_step(step), start, end) for step, (start, end) in run["step_windows"].items()
        if stage_of_step(step) != "dbt"]
    nodes = json.loads(manifest.read_text())["nodes"]
    for result in results:
        execute = next((t for t in result.get("timing", []) if t["name"] == "execute"), None)
        if execute and execute.get("started_at") and execute.get("completed_at"):
            start, end = (dt.datetime.fromisoformat(execute[k]).timestamp() for k in ("started_at", "completed_at"))
            windows.append((stage_of_node(nodes.get(result["unique_id"], {})), start, end))
    peaks = {stage: 0.0 for stage in STAGES}
    for stage, start, end in windows:
        inside = [mb for at, mb in samples if start <= at <= end]
        if inside:
            peaks[stage] = max(peaks[stage], max(inside))
    return {stage: round(mb) for stage, mb in peaks.items()}


def run_job(landing: Path, warehouse: Path, start: str, end: str, env: dict[str, str]) -> dict:
    """The real Dagster job in a child process (fresh imports, its own env); returns its timings."""
    code = f"""
import json, sys, time
import dagster as dg
from orchestration.definitions import build_definitions
defs = build_definitions()
instance = dg.DagsterInstance.ephemeral()
t = time.monotonic()
r = defs.resolve_job_def("build_warehouse").execute_in_process(
    instance=instance, raise_on_error=False,
    tags={{"{RANGE_START}": "{start}", "{RANGE_END}": "{end}"}})
wall = time.monotonic() - t
steps, starts, failures, windows, identity = {{}}, {{}}, {{}}, {{}}, {{}}
for record in instance.all_logs(r.run_id):
    event = record.dagster_event
    if event is None:
        continue
    if event.event_type_value == "STEP_START":
        starts[event.step_key] = record.timestamp
    elif event.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE") and event.step_key in starts:
        steps[event.step_key] = record.timestamp - starts[event.step_key]
        windows[event.step_key] = [starts[event.step_key], record.timestamp]
    elif event.event_type_value == "ASSET_CHECK_EVALUATION" and event.event_specific_data.check_name in (
            "identity_quality", "link_quality"):
        evaluation = event.event_specific_data
        identity.update({{k: v.value for k, v in evaluation.metadata.items() if isinstance(v.value, (int, float))}})
        identity[evaluation.check_name + "_passed"] = evaluation.passed
    if event.event_type_value == "STEP_FAILURE":
        failures[event.step_key] = event.step_failure_data.error.message.strip()[-1500:]
print("BENCH" + json.dumps({{"success": r.success, "run_id": r.run_id, "wall_s": wall, "steps": steps,
                            "step_windows": windows, "failures": failures, "identity_quality": identity}}))
"""
    # cached populations may predate the simulator's .simulated marker: a salt of the bench's own
    env = {**os.environ, **env, "LANDING_DIR": str(landing), "WAREHOUSE_PATH": str(warehouse),
           "C360_DEMO": "1", "DO_NOT_TRACK": "1", "PII_SALT": os.environ.get("PII_SALT") or "bench-salt"}
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", code], env=env, cwd=PROJECT_DIR, capture_output=True, text=True,
                          check=False)
    wall = time.monotonic() - started
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("BENCH")), None)
    if proc.returncode or line is None:
        raise RuntimeError(f"build failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    result = json.loads(line[5:])
    result["process_wall_s"] = wall
    return result


def run_results_of(run_id: str) -> list[Path]:
    """dagster-dbt writes each dbt invocation's results to target/<step>-<run id[:7]>-<hash>/."""
    return sorted((PROJECT_DIR / "target").glob(f"*-{run_id[:7]}-*/run_results.json"),
                  key=lambda p: p.stat().st_mtime)


def compiled_nodes(run_results: list[Path]) -> dict[str, dict]:
    """The nodes as each dbt step of the run compiled them (a step's manifest beside its results)."""
    nodes: dict[str, dict] = {}
    for path in run_results:
        for uid, node in json.loads((path.parent / "manifest.json").read_text())["nodes"].items():
            if node.get("compiled_code") and uid not in nodes:
                nodes[uid] = node
    return nodes


def floor_sql_seconds(warehouse: Path, nodes: dict[str, dict], results: list[dict]) -> float:
    """Every model's compiled SQL, in the order dbt ran them, straight in one DuckDB session on a copy of
    the built warehouse (each model dropped and created again)."""
    import duckdb

    order = [r["unique_id"] for r in results if r["unique_id"].startswith(("model.", "seed."))]
    copy = warehouse.parent / "floor" / warehouse.name  # same file name: the SQL names the catalog after it
    copy.parent.mkdir(exist_ok=True)
    shutil.copy(warehouse, copy)
    con = duckdb.connect(str(copy), config={"memory_limit": Settings.from_environment().duckdb_memory_limit,
                                             "preserve_insertion_order": False})
    started = time.monotonic()
    for uid in order:
        node = nodes.get(uid)
        if node is None or node["resource_type"] != "model":
            continue
        sql = node.get("compiled_code")
        if not sql:
            continue
        kind = "view" if node["config"]["materialized"] == "view" else "table"
        relation = f'{node["schema"]}."{node["alias"]}"'
        con.execute(f"create schema if not exists {node['schema']}")
        existing = con.execute("select table_type from information_schema.tables where table_schema = ? "
                               "and table_name = ?", [node["schema"], node["alias"]]).fetchone()
        if existing:
            con.execute(f"drop {'view' if existing[0] == 'VIEW' else 'table'} {relation}")
        con.execute(f"create {kind} {relation} as {sql}")
    elapsed = time.monotonic() - started
    con.close()
    copy.unlink()
    return elapsed


def stage_seconds(run: dict) -> tuple[dict[str, float], list[Path], list[dict]]:
    """Seconds per stage of a job run: Dagster step times, the dbt steps' wall time shared out over
    staging/identity/journeys/loyalty/checks by dbt node time. Also the run's dbt results files and rows."""
    manifest = PROJECT_DIR / "target" / "manifest.json"
    stages = {s: 0.0 for s in STAGES}
    dbt_wall = 0.0
    for step, seconds in run["steps"].items():
        stage = stage_of_step(step)
        if stage == "dbt":
            dbt_wall += seconds
        else:
            stages[stage] += seconds
    run_results = run_results_of(run["run_id"])
    results = dbt_results(run_results)
    dbt_node_seconds = dbt_stage_seconds(results, manifest)
    node_total = sum(dbt_node_seconds.values()) or 1.0
    for stage, seconds in dbt_node_seconds.items():
        stages[stage] += dbt_wall * seconds / node_total
    return {k: round(v, 1) for k, v in stages.items()}, run_results, results


SLOWEST = 25  # steps and dbt nodes kept in the results, slowest first


def slowest(steps: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 1) for k, v in sorted(steps.items(), key=lambda kv: -kv[1])[:SLOWEST]}


def slowest_nodes(results: list[dict]) -> dict[str, float]:
    """dbt node -> seconds, the slowest first (models, tests and seeds of every dbt step)."""
    return slowest({r["unique_id"].split(".", 2)[-1]: float(r.get("execution_time") or 0) for r in results})


def bench_size(persons: int, days: int, seed: int, workdir: Path, full_only: bool = False) -> dict:
    sim_root = simulate(persons, days, seed)
    landing = workdir / "landing"
    shutil.rmtree(workdir, ignore_errors=True)
    shutil.copytree(sim_root / "landing", landing)
    truth = workdir / "truth"
    shutil.copytree(sim_root / "truth", truth)
    held = workdir / "held_back"
    last_day = hold_back_last_day(landing, held)
    dates = sorted({p.name[:10] for p in landing.glob("*/*/*")})
    warehouse = workdir / "warehouse.duckdb"
    env = {"TRUTH_DIR": str(truth), "SERVING_PATH": str(workdir / "serving" / "customer360.duckdb")}

    load_start = round(os.getloadavg()[0], 2)  # other work on the machine skews every figure
    with TreeRss() as rss:
        full = run_job(landing, warehouse, dates[0], dates[-1], env)
    full_stages, full_run_results, results = stage_seconds(full)
    stage_peaks = stage_peak_rss_mb(rss.samples, full, results, PROJECT_DIR / "target" / "manifest.json")
    figures = {"persons": persons, "days": days, "full_build_s": round(full["process_wall_s"], 1),
               "peak_rss_mb": round(rss.peak_mb), "peak_rss_by_process_mb": rss.peak_by_process,
               "stages": full_stages, "stage_peak_rss_mb": stage_peaks,
               "steps": slowest(full["steps"]), "dbt_nodes": slowest_nodes(results)}
    if not full["success"]:  # say so in the results: a failed build has no floor or incremental day
        return {**figures, "failed": full["failures"],
                "load_average_1m": {"start": load_start, "end": round(os.getloadavg()[0], 2)}}
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    raw_tables = [r[0] for r in con.execute(
        "select table_name from information_schema.tables where table_schema = 'raw'").fetchall()]
    # source rows = rows landed = loaded into raw + quarantined (rows of whole rejected files aside)
    loaded_rows = sum(con.execute(f'select count(*) from raw."{t}"').fetchone()[0] for t in raw_tables
                      if t != "quarantine")
    (quarantined_rows,) = con.execute("select count(*) from raw.quarantine where line_number is not null").fetchone()
    con.close()

    figures.update(source_rows=loaded_rows + quarantined_rows, quarantined_rows=quarantined_rows,
                   simulate_s=float((sim_root / "complete").read_text()))
    if full_only:
        return {**figures, "identity_quality": full["identity_quality"],
                "load_average_1m": {"start": load_start, "end": round(os.getloadavg()[0], 2)}}
    floor = floor_sql_seconds(warehouse, compiled_nodes(full_run_results), results)
    restore(held, landing)
    with TreeRss() as incremental_rss:
        incremental = run_job(landing, warehouse, last_day, last_day, env)
    incremental_stages, _, incremental_results = stage_seconds(incremental)

    return {
        **figures,
        "incremental_day_s": round(incremental["process_wall_s"], 1),
        "floor_sql_s": round(floor, 1),
        "incremental_stages": incremental_stages,
        "incremental_peak_rss_mb": round(incremental_rss.peak_mb),
        "incremental_steps": slowest(incremental["steps"]),
        "incremental_dbt_nodes": slowest_nodes(incremental_results),
        "identity_quality": full["identity_quality"],
        "orchestrated_over_floor": round(sum(full_stages[s] for s in ("staging", "identity", "journeys", "loyalty"))
                                         / floor, 2) if floor else None,
        "load_average_1m": {"start": load_start, "end": round(os.getloadavg()[0], 2)},
        # a failed incremental run still has a wall time; say which step failed and why
        **({"incremental_failed": incremental["failures"]} if not incremental["success"] else {}),
    }


def write_results(results: list[dict]) -> Path:
    """Today's results file; sizes measured earlier today and not in this run are kept beside them."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    today = dt.date.today().isoformat()
    path = RESULTS_DIR / f"{today}.json"
    measured = {r["persons"] for r in results}
    earlier = json.loads(path.read_text())["results"] if path.exists() else []
    results = sorted([r for r in earlier if r["persons"] not in measured] + results, key=lambda r: r["persons"])
    doc = {"date": today, "machine": f"{os.cpu_count()} cores", "results": results}
    path.write_text(json.dumps(doc, indent=2) + "\n")
    (RESULTS_DIR / "latest.json").write_text(json.dumps(doc, indent=2) + "\n")
    header = "| persons | source rows | full build s | incremental day s | floor SQL s | peak RSS MB |"
    rows = [f"| {r['persons']:,} | {r['source_rows']:,} | {r['full_build_s']} | {r['incremental_day_s']}"
            f"{' FAILED (' + ', '.join(r['incremental_failed']) + ')' if r.get('incremental_failed') else ''} | "
            f"{r['floor_sql_s']} | {r['peak_rss_mb']:,} |" if "failed" not in r else
            f"| {r['persons']:,} | | FAILED after {r['full_build_s']} ({', '.join(r['failed'])}) | | | "
            f"{r['peak_rss_mb']:,} |" for r in results]
    stage_header = "| persons | " + " | ".join(STAGES) + " |"
    stage_rows = [f"| {r['persons']:,} | " + " | ".join(str(r["stages"].get(s, "")) for s in STAGES) + " |"
                  for r in results]
    peak_rows = [f"| {r['persons']:,} | " + " | ".join(f"{r['stage_peak_rss_mb'].get(s, 0):,}" for s in STAGES) + " |"
                 for r in results if "stage_peak_rss_mb" in r]
    identity = ("precision", "recall_carried", "recall_full_truth", "precision_links", "recall_planted",
                "household_false_merge_rate", "clusters", "customers", "largest_cluster_size")
    identity_rows = [f"| {r['persons']:,} | " + " | ".join(f"{r['identity_quality'].get(k, '')}" for k in identity)
                     + " |" for r in results if r.get("identity_quality")]
    (RESULTS_DIR / "latest.md").write_text("\n".join([
        f"# Benchmark {today} ({doc['machine']})", "", header, "|---|---|---|---|---|---|", *rows, "",
        "Seconds per stage of the full build:", "", stage_header, "|---|" + "---|" * len(STAGES), *stage_rows, "",
        "Peak RSS (MB) of the process tree while the stage ran:", "", stage_header,
        "|---|" + "---|" * len(STAGES), *peak_rows, "",
        "Identity quality of the full build (the identity_quality check against the simulator's truth):", "",
        "| persons | " + " | ".join(identity) + " |", "|---|" + "---|" * len(identity), *identity_rows, "",
        *targets(results), "",
    ]))
    chart(results, RESULTS_DIR / "latest.png")
    return path


TARGETS = (  # (what, goal as text, figure from the results, passes): issue 16's, then issue 8's
    ("full build at 1M persons", "<= 450 s", lambda big, small: big["full_build_s"], lambda v: v <= 450),
    ("identity stage (matching + identity) of the full build", "<= 30 s",
     lambda big, small: round(big["stages"]["matching"] + big["stages"]["identity"], 1), lambda v: v <= 30),
    ("peak RSS of the process tree", "<= 4096 MB", lambda big, small: big["peak_rss_mb"], lambda v: v <= 4096),
    ("dbt models orchestrated / straight SQL", "<= 1.15", lambda big, small: big["orchestrated_over_floor"],
     lambda v: v <= 1.15),
    ("incremental day / full build, %", "<= 5", lambda big, small: round(100 * big["incremental_day_s"]
                                                                       / big["full_build_s"], 1), lambda v: v <= 5),
    ("full build 1M / 100k", "<= 12x", lambda big, small: round(big["full_build_s"] / small["full_build_s"], 1),
     lambda v: v <= 12),
)


def targets(results: list[dict]) -> list[str]:
    """The issue's targets next to the figures, when both 100k and 1M are measured."""
    by_size = {r["persons"]: r for r in results if "failed" not in r}
    if not {100_000, 1_000_000} <= set(by_size):
        return []
    big, small = by_size[1_000_000], by_size[100_000]
    lines = ["Targets (1M persons unless said):", "", "| target | goal | figure | met |", "|---|---|---|---|"]
    for what, goal, figure, passes in TARGETS:
        value = figure(big, small)
        lines.append(f"| {what} | {goal} | {value} | {'yes' if passes(value) else 'no'} |")
    return lines


def chart(results: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 4))
    labels = [f"{r['persons']:,} persons" for r in results]
    left = [0.0] * len(results)
    for stage in STAGES:
        widths = [r["stages"].get(stage, 0) for r in results]
        ax.barh(labels, widths, left=left, label=stage)
        left = [a + b for a, b in zip(left, widths)]
    ax.set_xlabel("seconds")
    ax.set_title("customer360 full build: time per stage")
    ax.legend(ncols=4, fontsize=8, loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100000,1000000", help="comma-separated person counts")
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=CACHE_DIR / "work")
    parser.add_argument("--full-only", action="store_true",
                        help="only the full build, printed and not written to the results (for tuning)")
    args = parser.parse_args(argv)
    results = []
    for persons in (int(s) for s in args.sizes.split(",")):
        print(f"benchmarking {persons:,} persons x {args.days} days ...", flush=True)
        results.append(bench_size(persons, args.days, args.seed, args.workdir / str(persons), args.full_only))
        print(json.dumps(results[-1], indent=2), flush=True)
    if not args.full_only:
        print(f"results: {write_results(results)}")


if __name__ == "__main__":
    main()
