"""Crash recovery without Dagster (issue 20, point 1): the build lock, orphan publish files, dbt's target/."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from customer360.recovery import (
    BuildLock,
    ProcessId,
    orphan_build_files,
    prune_dbt_targets,
    remove_orphan_build_files,
)


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_the_lock_is_released_when_its_process_dies_however_it_dies(tmp_path):
    path = tmp_path / "c360-build.lock"
    hold = ("import sys, time\nfrom customer360.recovery import BuildLock\n"
            "BuildLock(sys.argv[1]).acquire(); print('held', flush=True); time.sleep(60)")
    holder = subprocess.Popen([sys.executable, "-c", hold, str(path)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    waited: list[dict] = []
    lock = BuildLock(path, poll_seconds=0.1)
    killer = subprocess.Popen([sys.executable, "-c", f"import os, time, signal; time.sleep(1); os.kill({holder.pid}, 9)"])
    seconds = lock.acquire(on_wait=waited.append)
    killer.wait()
    holder.wait()
    assert waited and waited[0]["pid"] == holder.pid  # told who held it
    assert 0.5 < seconds < 20
    assert lock.holder()["pid"] == os.getpid()
    lock.release()


def test_a_process_is_told_apart_from_a_later_one_with_its_pid():
    me = ProcessId.current()
    assert me.is_alive() is True
    assert ProcessId(me.pid, me.host, (me.started or 0) + 1).is_alive() is False  # same pid, another start
    assert ProcessId(dead_pid()).is_alive() is False
    assert ProcessId(1, "another-host").is_alive() is None
    assert ProcessId.from_tags(me.as_tags()) == me


def test_orphans_of_a_publish_that_died_are_removed_and_a_live_ones_kept(tmp_path):
    serving = tmp_path / "customer360.duckdb"
    gone, live = dead_pid(), os.getpid()
    files = {name: tmp_path / name for name in (
        f".customer360.duckdb.{gone}.building", f".customer360.duckdb.{gone}.building.wal",
        f".customer360.duckdb.{live}.building", "customer360.previous.duckdb.tmp", ".other.duckdb.1.building")}
    for path in files.values():
        path.write_bytes(b"x")
    assert sorted(p.name for p in orphan_build_files(serving)) == sorted(
        [f".customer360.duckdb.{gone}.building", f".customer360.duckdb.{gone}.building.wal"])  # a publish is live
    files[f".customer360.duckdb.{live}.building"].unlink()
    removed = remove_orphan_build_files(serving)
    assert sorted(p.name for p in removed) == sorted([f".customer360.duckdb.{gone}.building",
                                                      f".customer360.duckdb.{gone}.building.wal",
                                                      "customer360.previous.duckdb.tmp"])
    assert files[".other.duckdb.1.building"].exists()  # not this serving file's


def test_target_keeps_the_latest_dbt_runs_and_any_still_being_written(tmp_path):
    now = time.time()
    for n in range(8):
        run = tmp_path / f"warehouse_models-{n:07x}-abcdef{n}"
        (run / "run").mkdir(parents=True)
        (run / "run_results.json").write_text("{}" * 1000)
        age = now - 3600 * (10 - n)
        os.utime(run / "run_results.json", (age, age))
        os.utime(run / "run", (age, age))
        os.utime(run, (age, age))
    busy = tmp_path / "warehouse_models-0000000-abcdef0"
    (busy / "run" / "model.sql").write_text("select 1")  # written to just now: a build in progress
    for keep in ("partial_parse", "manifest.json"):
        (tmp_path / keep).mkdir() if "." not in keep else (tmp_path / keep).write_text("{}")

    removed = prune_dbt_targets(tmp_path, keep=3)  # the latest three by their newest file: busy, 7, 6

    assert len(removed) == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["manifest.json", "partial_parse", busy.name, *(f"warehouse_models-{n:07x}-abcdef{n}" for n in (6, 7))])
    prune_dbt_targets(tmp_path, keep=0)  # a folder still being written to stays whatever keep says
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["manifest.json", "partial_parse", busy.name])
