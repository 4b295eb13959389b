"""Crash recovery without Dagster: one build at a time, leftovers of dead builds cleaned up.

- ``BuildLock``: an exclusive ``flock`` on a file beside the Dagster instance. The kernel releases it
  when its process dies, however it dies (SIGKILL included), so a crash never leaves it held. A second
  build waits for it sleeping (a poll a second, no busy loop) and Ctrl-C/SIGTERM end the wait at once.
- ``remove_orphan_build_files``: the files a publish killed half-way leaves in the serving folder
  (``.customer360.duckdb.<pid>.building`` and its ``.wal``, ``customer360.previous.duckdb.tmp``), removed
  once the process that wrote them is gone.
- ``prune_dbt_targets``: dagster-dbt gives every dbt invocation a target folder of its own
  (``target/<op>-<run>-<uuid>``, ~20 MB each); only the latest few are kept.

The Dagster side (runs left STARTED by a dead process, their pool slots) is orchestration/recovery.py.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Self

HOST = socket.gethostname()
POLL_SECONDS = 1.0
_TARGET_RUN = re.compile(r"^[A-Za-z0-9_]+-[0-9a-f]{7}-[0-9a-f]{7}$")  # dagster-dbt: <op>-<run id[:7]>-<uuid[:7]>
_BUILDING = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.building(\.wal|\.tmp)?$")


# ------------------------------------------------------------------------------------------ processes


def process_start_ticks(pid: int) -> int | None:
    """When a process started (clock ticks since boot, Linux /proc), None when unknown or gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rfind(")") + 2:].split()  # the command name may hold spaces and parentheses
    return int(fields[19]) if len(fields) > 19 else None


@dataclass(frozen=True)
class ProcessId:
    """A process on a host; ``started`` tells it apart from a later process given the same pid."""

    pid: int
    host: str = HOST
    started: int | None = None

    @classmethod
    def current(cls) -> ProcessId:
        return cls(os.getpid(), HOST, process_start_ticks(os.getpid()))

    def is_alive(self) -> bool | None:
        """True/False for a process of this host; None for another host's (cannot be told from here)."""
        if self.host != HOST:
            return None
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:  # exists, owned by someone else
            pass
        if self.started is not None:
            return process_start_ticks(self.pid) == self.started
        return True

    def as_tags(self, prefix: str = "c360") -> dict[str, str]:
        return {f"{prefix}/pid": str(self.pid), f"{prefix}/host": self.host,
                f"{prefix}/process_started": "" if self.started is None else str(self.started)}

    @classmethod
    def from_tags(cls, tags: dict[str, str], prefix: str = "c360") -> ProcessId | None:
        pid = tags.get(f"{prefix}/pid")
        if not pid or not pid.isdigit():
            return None
        started = tags.get(f"{prefix}/process_started") or ""
        return cls(int(pid), tags.get(f"{prefix}/host", ""), int(started) if started.isdigit() else None)


# ------------------------------------------------------------------------------------------ the lock


class BuildLock:
    """One build at a time per lock file. ``acquire(on_wait)`` returns once the lock is held, calling
    ``on_wait(holder)`` once if another live process holds it; the wait sleeps and is interruptible."""

    def __init__(self, path: Path, poll_seconds: float = POLL_SECONDS):
        self.path, self.poll_seconds = Path(path), poll_seconds
        self._fd: int | None = None

    def holder(self) -> dict:
        """What the holding process wrote into the lock file (pid, host, since), {} if nothing."""
        try:
            return json.loads(self.path.read_text() or "{}")
        except (OSError, ValueError):
            return {}

    def _try(self) -> bool:
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def acquire(self, on_wait: Callable[[dict], None] | None = None) -> float:
        """Block (sleeping) until the lock is held; returns the seconds waited."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        started = time.monotonic()
        try:
            if not self._try():
                if on_wait:
                    on_wait(self.holder())
                while not self._try():
                    time.sleep(self.poll_seconds)  # KeyboardInterrupt lands here: no lock taken
        except BaseException:
            os.close(self._fd)
            self._fd = None
            raise
        me = ProcessId.current()
        os.ftruncate(self._fd, 0)
        os.pwrite(self._fd, json.dumps({"pid": me.pid, "host": me.host, "since": time.time()}).encode(), 0)
        return time.monotonic() - started

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


# ------------------------------------------------------------------------------------------ leftovers


def orphan_build_files(serving_path: Path) -> list[Path]:
    """Files of publishes whose process is gone: ``.<name>.<pid>.building`` (+ ``.wal``) and the
    rollback copy's ``.tmp`` link when no publish is running here."""
    folder = Path(serving_path).parent
    if not folder.is_dir():
        return []
    orphans, live = [], False
    for path in sorted(folder.iterdir()):
        m = _BUILDING.match(path.name)
        if not m or m["name"] != Path(serving_path).name:
            continue
        if ProcessId(int(m["pid"]), HOST, None).is_alive():
            live = True
        else:
            orphans.append(path)
    previous_tmp = folder / f"{Path(serving_path).stem}.previous{Path(serving_path).suffix}.tmp"
    if previous_tmp.exists() and not live:
        orphans.append(previous_tmp)
    return orphans


def remove_orphan_build_files(serving_path: Path) -> list[Path]:
    removed = []
    for path in orphan_build_files(serving_path):
        try:
            path.unlink()
            removed.append(path)
        except FileNotFoundError:
            pass
    return removed


def _newest_mtime(folder: Path) -> float:
    newest = folder.stat().st_mtime
    for root, _, files in os.walk(folder):
        for name in files:
            try:
                newest = max(newest, os.stat(os.path.join(root, name)).st_mtime)
            except OSError:
                pass
    return newest


def prune_dbt_targets(target_dir: Path, keep: int, min_idle_seconds: float = 600) -> list[Path]:
    """Remove dbt run folders under target/ but the ``keep`` latest; a folder written to in the last
    ``min_idle_seconds`` is never removed (a dbt build of another process may be filling it)."""
    target_dir = Path(target_dir)
    if not target_dir.is_dir():
        return []
    runs = [p for p in target_dir.iterdir() if p.is_dir() and _TARGET_RUN.match(p.name)]
    aged = sorted(((_newest_mtime(p), p) for p in runs), reverse=True)
    now, removed = time.time(), []
    for mtime, path in aged[max(keep, 0):]:
        if now - mtime < min_idle_seconds:
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def folder_bytes(folder: Path) -> int:
    total = 0
    for root, _, files in os.walk(folder):
        for name in files:
            try:
                total += os.stat(os.path.join(root, name)).st_size
            except OSError:
                pass
    return total
