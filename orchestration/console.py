"""What `make run` shows: one progress bar per stage, the closing table; everything else in the log file.

While the build runs, file descriptors 1 and 2 point at data/logs/<run_id>.log: Dagster's events, dbt's
output, warnings of any library or subprocess all land there, whole and without colour codes. The
console (a copy of the terminal's descriptor) gets rich's progress bars on a terminal, one line per
finished stage elsewhere (a pipe, a CI log), colour only on a terminal.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg
from rich import box
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from customer360.alerts import causes_of, error_text
from customer360.run_summary import (
    STAGES,
    CheckOutcome,
    CheckTally,
    WarehouseFigures,
    classify_checks,
    runbook_link,
    stage_of,
)

LOG_FORMAT = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
WORK_EVENTS = {"ASSET_MATERIALIZATION", "ASSET_CHECK_EVALUATION"}
STEP_ENDS = {"STEP_SUCCESS": "done", "STEP_FAILURE": "failed", "STEP_SKIPPED": "skipped"}


@dataclass
class Stage:
    name: str
    steps: int = 0  # steps of the job in this stage
    units: int = 0  # materialisations and check results the steps will report
    done_steps: int = 0
    done_units: int = 0
    started: float | None = None
    ended: float | None = None
    failed: int = 0
    skipped: int = 0
    task: int | None = None  # the rich progress task

    @property
    def seconds(self) -> float | None:
        return None if self.started is None or self.ended is None else self.ended - self.started

    not_run: int = 0  # steps left out because a step before them failed

    @property
    def status(self) -> str:
        if self.failed:
            return "failed"
        if self.steps and self.skipped + self.not_run == self.steps:
            return "not run"
        if self.skipped or self.not_run:
            return "partly run"
        return "done" if self.done_steps >= self.steps else "running"


@dataclass
class BuildRecord:
    """What the console saw of the run: stages, check outcomes, failed steps, warnings logged."""

    stages: dict[str, Stage] = field(default_factory=dict)
    checks: list[CheckOutcome] = field(default_factory=list)
    failed_steps: list[tuple[str, str]] = field(default_factory=list)  # (step, first line of the error)
    warnings: int = 0

    def tally(self) -> CheckTally:
        return classify_checks(self.checks)


def plan_stages(job: dg.JobDefinition, days: int) -> dict[str, Stage]:
    """The stages of a job with their steps and the results they will report (a partitioned asset one
    materialisation per export day of the run)."""
    from dagster._core.definitions.dependency import NodeHandle

    stages = {name: Stage(name) for name in STAGES if name != "simulate"}
    for node in job.graph.nodes:
        stage = stages.setdefault(stage_of(node.name), Stage(stage_of(node.name)))
        stage.steps += 1
        keys = job.asset_layer.get_selected_entity_keys_for_node(NodeHandle(node.name, None))
        assets_def = job.asset_layer.get_assets_def_for_node(NodeHandle(node.name, None))
        per_asset = days if assets_def is not None and assets_def.partitions_def is not None else 1
        stage.units += sum(per_asset if isinstance(k, dg.AssetKey) else 1 for k in keys) or 1
    return {name: stage for name, stage in stages.items() if stage.steps}


class BuildConsole:
    """The terminal side of `make run`."""

    def __init__(self, terminal, error_terminal=None) -> None:
        self.console = Console(file=terminal, highlight=False, soft_wrap=True)
        self.errors = Console(file=error_terminal or terminal, highlight=False, soft_wrap=True, stderr=True)
        self.live = self.console.is_terminal
        self.progress = Progress(
            TextColumn("{task.description:<17}"), BarColumn(bar_width=30), MofNCompleteColumn(),
            TextColumn("{task.fields[status]:<8}"), TimeElapsedColumn(),
            console=self.console, disable=not self.live,
        )
        self.record = BuildRecord()

    def print(self, *lines: str) -> None:
        for line in lines:
            self.console.print(line)

    def error(self, message: str) -> None:
        self.errors.print(f"[bold red]{message}[/]")

    # ---------------------------------------------------------------------------------------- stages

    def start_stages(self, stages: dict[str, Stage]) -> None:
        self.record.stages.update(stages)
        for stage in stages.values():
            if stage.task is None:
                stage.task = self.progress.add_task(stage.name, total=stage.units, status="waiting", start=False)

    @contextmanager
    def stage(self, name: str, total: int = 1) -> Iterator[Stage]:
        """A stage outside Dagster (simulating the demo landing)."""
        stage = Stage(name, steps=1, units=total, started=time.monotonic())
        self.record.stages[name] = stage
        stage.task = self.progress.add_task(name, total=total, status="running")
        try:
            yield stage
        except BaseException:
            stage.failed = 1
            raise
        finally:
            stage.ended = time.monotonic()
            stage.done_steps, stage.done_units = 1, total
            self._finish(stage)

    def end_run(self) -> None:
        """Steps that never started (a step they depend on failed) count as not run."""
        for stage in self.record.stages.values():
            if stage.done_steps < stage.steps:
                stage.not_run = stage.steps - stage.done_steps
                stage.done_steps = stage.steps
                self._finish(stage)

    def _finish(self, stage: Stage) -> None:
        self.progress.update(stage.task, completed=stage.units if stage.status == "done" else stage.done_units,
                             status=stage.status)
        self.progress.stop_task(stage.task)
        if not self.live:  # a pipe or a file: one line per finished stage, as it finishes
            self.console.print(f"{stage.name:<17} {stage.status:<8} {_seconds(stage.seconds):>7}")

    def on_event(self, event: dg.DagsterEvent) -> None:
        kind = event.event_type_value
        if not event.step_key:
            return
        stage = self.record.stages.get(stage_of(event.step_key))
        if stage is None:
            return
        now = time.monotonic()
        if kind == "STEP_START":
            stage.started = stage.started or now
            self.progress.start_task(stage.task)
            self.progress.update(stage.task, status="running")
        elif kind in WORK_EVENTS:
            stage.done_units = min(stage.units, stage.done_units + 1)
            self.progress.update(stage.task, completed=stage.done_units)
            if kind == "ASSET_CHECK_EVALUATION":
                data = event.asset_check_evaluation_data
                self.record.checks.append(CheckOutcome(
                    asset=data.asset_key.to_user_string(), name=data.check_name, passed=data.passed,
                    blocking=data.severity == dg.AssetCheckSeverity.ERROR, description=data.description))
        elif kind in STEP_ENDS:
            stage.done_steps += 1
            stage.ended = now
            stage.started = stage.started or now
            stage.failed += kind == "STEP_FAILURE"
            stage.skipped += kind == "STEP_SKIPPED"
            if kind == "STEP_FAILURE":
                error = event.step_failure_data.error if event.step_failure_data else None
                message = error_text(error.message, causes_of(error))[:300] if error else ""
                self.record.failed_steps.append((event.step_key, message))
            if stage.done_steps >= stage.steps:
                self._finish(stage)
            else:
                self.progress.update(stage.task, status="failed" if stage.failed else "running")

    # ---------------------------------------------------------------------------------------- closing

    def summary(self, figures: WarehouseFigures | None, dbt_failures: list[str]) -> None:
        """The closing table: stage times, rows per layer, top quarantine reasons, checks (failed first,
        each kind with its runbook section)."""
        times = Table(box=box.SIMPLE, show_edge=False, pad_edge=False, title=None)
        times.add_column("stage")
        times.add_column("seconds", justify="right")
        times.add_column("status")
        for stage in self.record.stages.values():
            times.add_row(stage.name, _seconds(stage.seconds), stage.status)
        self.console.print(times)

        if figures is not None:
            rows = Table(box=box.SIMPLE, show_edge=False, pad_edge=False)
            rows.add_column("layer")
            rows.add_column("tables", justify="right")
            rows.add_column("rows", justify="right")
            for schema, tables, n in figures.layers:
                rows.add_row(schema, f"{tables:,}", f"{n:,}")
            rows.add_row("quarantine", "1", f"{figures.quarantined:,}")
            self.console.print(rows)
            if figures.top_reasons:
                reasons = ", ".join(f"{reason} {n:,}" for reason, n in figures.top_reasons)
                others = f", other {figures.other_reasons:,}" if figures.other_reasons else ""
                self.console.print(f"Quarantined rows by reason: {reasons}{others} (raw.quarantine)")

        tally = self.record.tally()
        colour = "red" if tally.failed else "yellow" if tally.warned else "green"
        self.console.print(f"[{colour}]Checks: {len(tally.failed)} failed, {len(tally.warned)} warned, "
                           f"{tally.passed} passed[/]")
        for kind, name, outcomes in tally.groups():
            assets = ", ".join(o.asset for o in outcomes[:4]) + (f" +{len(outcomes) - 4}" if len(outcomes) > 4 else "")
            style = "red" if kind == "failed" else "yellow"
            self.console.print(f"  [{style}]{kind:<6}[/] {name} ({len(outcomes)}): {assets}  {runbook_link(name)}")
        for step, message in self.record.failed_steps:
            self.errors.print(f"[red]Step {step} failed:[/] {message}")
        for line in dbt_failures:
            self.errors.print(f"[red]dbt:[/] {line}")


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f} s"


# ------------------------------------------------------------------------------ the log file, Dagster


class _EventHandler(logging.Handler):
    """Every record of the run into the log file; Dagster's events also to the console's bars."""

    def __init__(self, console: BuildConsole, log_file) -> None:
        super().__init__(level=logging.DEBUG)
        self.console = console
        self.log_file = log_file
        self.setFormatter(logging.Formatter(LOG_FORMAT, "%Y-%m-%d %H:%M:%S %z"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.log_file.write(self.format(record) + "\n")
            meta = getattr(record, "dagster_meta", None) or {}
            event = meta.get("dagster_event")
            if event is not None:
                self.console.on_event(event)
            elif record.levelno >= logging.WARNING:
                self.console.record.warnings += 1
        except Exception:  # noqa: BLE001 - a display problem must never fail the build
            self.handleError(record)


def console_logger(console: BuildConsole, log_file) -> dg.LoggerDefinition:
    """A Dagster logger replacing the default console logger for `make run`'s run."""

    @dg.logger(description="make run: progress bars on the terminal, every record in data/logs/<run_id>.log")
    def build_console(_init_context) -> logging.Logger:
        logger = logging.Logger("dagster", level=logging.DEBUG)  # noqa: LOG001 - not registered globally
        logger.addHandler(_EventHandler(console, log_file))
        return logger

    return build_console


@contextmanager
def output_to_log(log_path: Path) -> Iterator[tuple[object, object]]:
    """Point file descriptors 1 and 2 (this process and its children: dbt, the simulator) at the log
    file; yield writable copies of the terminal's stdout and stderr for the console."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    sys.stdout.flush()
    sys.stderr.flush()
    saved_out, saved_err = os.dup(1), os.dup(2)
    log_fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(log_fd, 1)
    os.dup2(log_fd, 2)
    os.close(log_fd)
    line_buffered = sys.stdout.line_buffering
    sys.stdout.reconfigure(line_buffering=True)  # dbt's lines in order with Dagster's
    terminal = os.fdopen(os.dup(saved_out), "w", buffering=1)
    error_terminal = os.fdopen(os.dup(saved_err), "w", buffering=1)
    try:
        yield terminal, error_terminal
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        sys.stdout.reconfigure(line_buffering=line_buffered)
        os.dup2(saved_out, 1)
        os.dup2(saved_err, 2)
        os.close(saved_out)
        os.close(saved_err)
        terminal.close()
        error_terminal.close()
