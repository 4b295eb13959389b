"""A crash hangs no later build; a waiting build sleeps and stops on Ctrl-C; bad configuration stops
before ingest (issue 20, points 1 and 2). Real `make run` processes (python -m orchestration.build), a real
Dagster instance in tmp, real signals."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import dagster as dg
import pytest
from dagster._core.events import DagsterEventType
from dagster._core.storage.dagster_run import DagsterRun

from customer360.recovery import HOST, process_start_ticks
from orchestration.recovery import live_pool_holders, recover_stale_runs, wait_for_pool
from tests.warehouse import PROJECT_DIR

DAY1, DAY2 = "2025-03-03", "2025-03-04"
ORDERS = ("order_id,shop_account_id,guest_email,ordered_at,status,order_total,currency,device_channel\n"
          + "".join(f"o-{d}-{i},a-{i},,{{day}}T09:00:00Z,placed,{10 + i}.00,GBP,web\n" for d in (1,) for i in range(5)))
ACCOUNTS = ("shop_account_id,email,first_name,last_name,phone,created_at\n"
            + "".join(f"a-{i},p{i}@mail.test,P{i},Q,,2025-03-01T08:00:00Z\n" for i in range(5)))


def small_landing(landing: Path) -> None:
    for day in (DAY1, DAY2):
        (landing / "shop" / "orders").mkdir(parents=True, exist_ok=True)
        (landing / "shop" / "orders" / f"{day}.csv").write_text(ORDERS.replace("{day}", day).replace("o-1-", f"o-{day}-"))
    (landing / "shop" / "accounts" / f"{DAY1}.csv").parent.mkdir(parents=True, exist_ok=True)
    (landing / "shop" / "accounts" / f"{DAY1}.csv").write_text(ACCOUNTS)


class Place:
    def __init__(self, root: Path):
        self.root = root
        self.landing = root / "landing"
        self.home = root / "dagster_home"
        self.serving = root / "serving" / "customer360.duckdb"
        self.home.mkdir(parents=True)
        (self.home / "dagster.yaml").write_text("concurrency:\n  pools:\n    default_limit: 1\n")

    def env(self, **extra: str) -> dict[str, str]:
        return {**os.environ, "LANDING_DIR": str(self.landing), "WAREHOUSE_PATH": str(self.root / "warehouse.duckdb"),
                "SERVING_PATH": str(self.serving), "DOCS_DIR": str(self.root / "docs"), "DAGSTER_HOME": str(self.home),
                "C360_DEMO": "1", "PII_SALT": "crash-test-salt",  # own exports (not simulated) need a salt
                "C360_LOG_DIR": str(self.root / "logs"), "C360_LAST_BUILD": str(self.root / "last_build.json"),
                "PYTHONUNBUFFERED": "1", **extra}

    def start(self, **extra: str) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "orchestration.build"], cwd=PROJECT_DIR, env=self.env(**extra),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)

    def run(self, timeout: float = 600, **extra: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "orchestration.build"], cwd=PROJECT_DIR, env=self.env(**extra),
                              capture_output=True, text=True, timeout=timeout, check=False)

    def instance(self) -> dg.DagsterInstance:
        return dg.DagsterInstance.from_config(str(self.home))


HOLD_THE_LOCK = ("import sys, time\nfrom customer360.recovery import BuildLock\n"
                 "BuildLock(sys.argv[1]).acquire(); print('held', flush=True); time.sleep(300)")


def wait_for_line(stream, text: str, timeout: float) -> list[str]:
    """Lines of a process's output up to the first holding ``text`` (fails after ``timeout``)."""
    lines, found = [], threading.Event()

    def read():
        for line in stream:
            lines.append(line)
            if text in line:
                found.set()
                return

    threading.Thread(target=read, daemon=True).start()
    assert found.wait(timeout), f"{text!r} not printed within {timeout} s: {''.join(lines)[-2000:]}"
    return lines


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


# ------------------------------------------------------------------------------ 1. crash, then re-run


def test_a_build_killed_during_dbt_does_not_hang_the_next_one(tmp_path):
    place = Place(tmp_path)
    small_landing(place.landing)
    killed = place.start()
    run_id = step = None
    deadline = time.monotonic() + 300
    with place.instance() as instance:
        while step is None and time.monotonic() < deadline and killed.poll() is None:
            time.sleep(0.5)
            runs = instance.get_runs()
            if runs:
                run_id = runs[0].run_id
                starts = instance.all_logs(run_id, of_type=DagsterEventType.STEP_START)
                step = next((e.step_key for e in starts if e.step_key.startswith("warehouse_models")), None)
        assert step, "the dbt step never started"
        time.sleep(3)  # dbt is building
        os.killpg(killed.pid, signal.SIGKILL)
        killed.wait(30)

        # what the crash left: the run STARTED, holding the duckdb pool
        assert instance.get_run_by_id(run_id).status == dg.DagsterRunStatus.STARTED
        assert live_pool_holders(instance) == [run_id]
    # and what a publish killed half-way leaves in the serving folder
    place.serving.parent.mkdir(parents=True, exist_ok=True)
    gone = dead_pid()
    orphans = [place.serving.with_name(f".customer360.duckdb.{gone}.building"),
               place.serving.with_name(f".customer360.duckdb.{gone}.building.wal")]
    for orphan in orphans:
        orphan.write_bytes(b"half a database")

    started = time.monotonic()
    rerun = place.run(timeout=300)
    assert rerun.returncode == 0, rerun.stdout[-3000:] + rerun.stderr[-3000:]
    assert time.monotonic() - started < 300
    assert f"Run {run_id} was left STARTED by a process that is gone" in rerun.stdout
    assert "Removed .customer360.duckdb." in rerun.stdout
    assert not any(o.exists() for o in orphans)
    assert place.serving.exists()
    with place.instance() as instance:
        old = instance.get_run_by_id(run_id)
        assert old.status == dg.DagsterRunStatus.FAILURE
        failure = instance.all_logs(run_id, of_type=DagsterEventType.RUN_FAILURE)
        assert "process that ran it" in failure[-1].message and "gone" in failure[-1].message
        assert live_pool_holders(instance) == []


# ------------------------------------------------------------------------------ 1. waiting sleeps, Ctrl-C stops it


@pytest.mark.parametrize("sig, code", [(signal.SIGINT, 130), (signal.SIGTERM, -signal.SIGTERM)])
def test_a_build_waiting_for_another_sleeps_and_stops_on_a_signal(tmp_path, sig, code):
    place = Place(tmp_path)
    small_landing(place.landing)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_LOCK, str(place.home / "c360-build.lock")], cwd=PROJECT_DIR, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        waiting = place.start()
        wait_for_line(waiting.stdout, "waiting for it to finish", timeout=120)
        before, started = cpu_seconds(waiting.pid), time.monotonic()
        time.sleep(5)
        busy = cpu_seconds(waiting.pid) - before
        assert busy < 0.25 * (time.monotonic() - started) / 5, f"{busy:.2f} s of CPU in 5 s of waiting"
        sent = time.monotonic()
        waiting.send_signal(sig)
        assert waiting.wait(15) == code
        assert time.monotonic() - sent < 10
        if sig == signal.SIGINT:
            assert "Interrupted" in waiting.stderr.read()
        with place.instance() as instance:
            assert instance.get_runs() == []  # it never started a run
    finally:
        holder.kill()
        holder.wait()


def test_a_run_holding_the_pool_is_waited_for_asleep_and_a_dead_ones_slot_is_freed(tmp_path):
    """The pool side: a run of the UI holding the duckdb slot is waited for (sleeping); a run of a dead
    make run holding it is marked failed and its slot freed."""
    place = Place(tmp_path)
    with place.instance() as instance:
        storage = instance.event_log_storage
        storage.initialize_concurrency_limit_to_default("duckdb")
        live, dead = uuid.uuid4().hex, uuid.uuid4().hex
        instance.add_run(DagsterRun(job_name="build_warehouse", run_id=live, status=dg.DagsterRunStatus.STARTED))
        instance.add_run(DagsterRun(job_name="build_warehouse", run_id=dead, status=dg.DagsterRunStatus.STARTED,
                                    tags={"c360/pid": str(dead_pid()), "c360/host": HOST}))
        assert storage.claim_concurrency_slot("duckdb", dead, "ingest_shop").is_claimed
        assert storage.claim_concurrency_slot("duckdb", live, "ingest_web").slot_status.value == "BLOCKED"

        said: list[str] = []
        assert recover_stale_runs(instance, said.append) == [dead]
        assert instance.get_run_by_id(dead).status == dg.DagsterRunStatus.FAILURE
        assert live_pool_holders(instance) == [live]  # the live run now holds (or queues for) the slot

        threading.Timer(3.0, storage.free_concurrency_slots_for_run, [live]).start()
        cpu, waited = time.process_time(), wait_for_pool(instance, said.append, poll_seconds=0.5)
        assert waited >= 2.5 and time.process_time() - cpu < 0.5
        assert any("Waiting for run(s)" in line and live in line for line in said)
        assert process_start_ticks(os.getpid()) is not None


# ------------------------------------------------------------------------------ 2. configuration, before ingest


def test_a_mistyped_landing_folder_exits_2_without_building_anything(tmp_path):
    place = Place(tmp_path)
    typo = tmp_path / "landnig"
    out = place.run(timeout=120, LANDING_DIR=str(typo))
    assert out.returncode == 2
    errors = out.stderr.strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith(f"Not built: LANDING_DIR={typo} does not exist")
    assert not typo.exists()  # no demo simulated into it
    assert not (tmp_path / "warehouse.duckdb").exists() and not place.serving.exists()
    with place.instance() as instance:
        assert instance.get_runs() == []


def test_a_landing_folder_without_exports_or_an_unwritable_serving_folder_exits_2(tmp_path):
    place = Place(tmp_path)
    (place.landing / "notes").mkdir(parents=True)
    (place.landing / "notes" / "readme.txt").write_text("exports go here")
    out = place.run(timeout=120)
    assert out.returncode == 2
    assert out.stderr.strip() == (f"Not built: LANDING_DIR={place.landing} holds no recognised export file "
                                  "(<source>/<entity>/<YYYY-MM-DD>*.csv|csv.gz|parquet, docs/landing.md); "
                                  "1 other file(s) found there.")
    small_landing(place.landing)
    (tmp_path / "blocked").write_text("a file where the serving folder should be")
    out = place.run(timeout=120, SERVING_PATH=str(tmp_path / "blocked" / "customer360.duckdb"))
    assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1
    assert "SERVING_PATH=" in out.stderr and "publish could not write the serving file" in out.stderr
    assert not (tmp_path / "warehouse.duckdb").exists()


def test_the_demo_is_simulated_only_into_the_default_landing_folder_or_on_request(tmp_path):
    place = Place(tmp_path)
    empty = tmp_path / "empty_landing"
    empty.mkdir()
    out = place.run(timeout=120, LANDING_DIR=str(empty))
    assert out.returncode == 2 and "holds no recognised export file" in out.stderr
    assert list(empty.iterdir()) == []
