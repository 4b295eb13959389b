"""Crash recovery on the Dagster instance, before a build starts (`make run`).

A build killed half-way (SIGKILL, OOM, a closed terminal) leaves its run STARTED with the `duckdb`
pool slot claimed: Dagster's in-process executor would then wait for that slot forever, re-checking
it in a busy loop that does not see Ctrl-C. `exclusive_build` prevents and repairs that:

1. take the build lock (customer360/recovery.py): a second build waits, sleeping, interruptible;
2. runs started by `make run` whose process is gone (tags ``c360/pid``, ``c360/host``) are marked
   failed, and their pool slots and queued steps freed; slots still held by finished runs are freed;
3. wait (sleeping, interruptible) while a live run started elsewhere (the UI) holds the pool;
4. remove the serving folder's orphan build files and prune dbt's target/ to the latest runs.
Every repair is said on the console and, for runs, recorded on the run itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import dagster as dg

from customer360.recovery import (
    HOST,
    BuildLock,
    ProcessId,
    prune_dbt_targets,
    remove_orphan_build_files,
)
from customer360.settings import Settings
from orchestration.resources import DUCKDB_POOL

UNFINISHED = [dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.CANCELING,
              dg.DagsterRunStatus.NOT_STARTED]
Say = Callable[[str], None]


def _supports_pools(instance: dg.DagsterInstance) -> bool:
    return bool(getattr(instance.event_log_storage, "supports_global_concurrency_limits", False))


def recover_stale_runs(instance: dg.DagsterInstance, say: Say = print) -> list[str]:
    """Mark runs of dead `make run` processes failed and free their slots; free slots of finished runs.
    Returns the ids of the runs marked failed."""
    marked = []
    for run in instance.get_runs(filters=dg.RunsFilter(statuses=UNFINISHED)):
        owner = ProcessId.from_tags(run.tags)
        if owner is None or owner.is_alive() is not False:
            continue  # not started by make run, another host's, or still running
        instance.report_run_failed(run, message=(
            f"Marked failed by a later build: the process that ran it (pid {owner.pid} on {owner.host}) is gone "
            "(killed or crashed); its duckdb pool slot was freed. docs/runbook.md#a-build-was-killed"))
        if _supports_pools(instance):
            instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
        marked.append(run.run_id)
        say(f"Run {run.run_id} was left STARTED by a process that is gone (pid {owner.pid}): marked failed, "
            "its duckdb pool slot freed.")
    if _supports_pools(instance):
        info = instance.event_log_storage.get_concurrency_info(DUCKDB_POOL)
        holders = {s.run_id for s in info.claimed_slots} | {p.run_id for p in info.pending_steps}
        for run_id in sorted(holders):
            run = instance.get_run_by_id(run_id)
            if run is None or run.is_finished:
                instance.event_log_storage.free_concurrency_slots_for_run(run_id)
                say(f"Freed the duckdb pool slot still held by run {run_id}, which has "
                    f"{'ended' if run else 'been deleted'}.")
    return marked


def live_pool_holders(instance: dg.DagsterInstance) -> list[str]:
    """Unfinished runs holding or queued for the `duckdb` pool (after recover_stale_runs: live ones)."""
    if not _supports_pools(instance):
        return []
    info = instance.event_log_storage.get_concurrency_info(DUCKDB_POOL)
    return sorted({s.run_id for s in info.claimed_slots} | {p.run_id for p in info.pending_steps})


def wait_for_pool(instance: dg.DagsterInstance, say: Say = print, poll_seconds: float = 2.0) -> float:
    """Sleep until no other run holds the pool (Ctrl-C ends the wait); returns the seconds waited."""
    started, said = time.monotonic(), False
    while holders := live_pool_holders(instance):
        if not said:
            say(f"Waiting for run(s) {', '.join(holders)} holding the duckdb pool (DuckDB allows one writer); "
                "Ctrl-C to stop waiting.")
            said = True
        time.sleep(poll_seconds)
        recover_stale_runs(instance, say)
    return time.monotonic() - started


def run_tags() -> dict[str, str]:
    """Tags naming this process on the run, so a later build can tell the run's process died."""
    return ProcessId.current().as_tags()


@contextmanager
def exclusive_build(settings: Settings, instance: dg.DagsterInstance, say: Say = print) -> Iterator[dict[str, str]]:
    """Hold the build lock for the block, after repairing what dead builds left; yields the run tags."""
    lock = BuildLock(settings.build_lock_path)

    def waiting(holder: dict) -> None:
        who = f"pid {holder['pid']} on {holder.get('host', HOST)}" if holder.get("pid") else "another process"
        say(f"Another build ({who}) is running on this Dagster instance: waiting for it to finish "
            "(Ctrl-C to stop waiting).")

    lock.acquire(on_wait=waiting)
    try:
        recover_stale_runs(instance, say)
        wait_for_pool(instance, say)
        for path in remove_orphan_build_files(settings.serving_path):
            say(f"Removed {path.name}, left in the serving folder by a publish that did not finish.")
        pruned = prune_dbt_targets(settings.project_dir / "target", settings.keep_dbt_runs)
        if pruned:
            say(f"Pruned {len(pruned)} old dbt run folder(s) from target/ (keeping the latest "
                f"{settings.keep_dbt_runs}).")
        yield run_tags()
    finally:
        lock.release()
