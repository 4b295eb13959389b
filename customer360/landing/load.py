"""Load one entity's export days into raw, quarantining what breaks the landing contract.

Plain Python + DuckDB SQL (no Dagster, no pandas): a file is never pulled into Python.

``load_export_days`` is idempotent: it replaces each export day in ``raw.<source>__<entity>`` and that
entity's rows of the day in ``raw.quarantine``. Days are loaded in batches (as many days as fit in
``max_batch_bytes`` of files), one transaction per batch: a year's backfill is a few dozen statements
per entity, not thousands (a statement costs ~10 ms whatever its size; a day of a small entity is a
few rows). Batches run ``workers`` at a time, each on a cursor of its own (DuckDB lets transactions of
one process write different rows of a table side by side): a gzip file is read by one thread, so one
batch at a time leaves the second core idle for the big event exports. A batch:

1. **stage** (stage.py, temp tables only): every file read as text; an unusable file is rejected whole;
2. **classify** (rules.py): every row typed once and given the first rule it breaks, or none;
3. **replace** (one transaction): delete the batch's days, insert the typed good rows and the
   quarantine rows.

Invariant (checked on every load): rows landed = rows loaded + rows quarantined (row level); rejected
files are counted separately and contribute one quarantine row each with line_number NULL.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from customer360.landing.contract import BY_TABLE, Entity, ExportFile, quarantine_ddl, raw_table_ddl
from customer360.landing.raw_tables import RAW_SCHEMA
from customer360.landing.rules import BAD, DEFAULT_BUSINESS_START, TYPED, classify_statements, typed_column
from customer360.landing.stage import (
    MAX_ROW_BYTES,
    STAGE,
    RejectedFile,
    StagedFile,
    create_stage,
    estimate_rows,
    extra_sql,
    payload_sql,
    read_headers,
    source_sql,
    stage_files,
)
from customer360.sql import identifier as _ident
from customer360.sql import literal as _lit

# Days per batch: up to this many bytes of (uncompressed) files. The batch is staged all-VARCHAR in
# memory, about 2-3x its CSV size at the peak, well inside DuckDB's memory limit.
MAX_BATCH_BYTES = 256 << 20
COMPRESSION_FACTOR = {".gz": 6, ".parquet": 4}  # rough size in memory per byte on disk
WORKERS = 2  # batches loaded side by side (each stages its files in memory: two fit DuckDB's limit)

DayFiles = list[tuple[str, str]]  # (absolute path, path relative to the landing folder) of one day
UNREADABLE = "_c360_unreadable"  # temp table: rows decode.py could not read, with their reason and text


@dataclass(frozen=True)
class LoadOptions:
    """What a build's settings change in loading (Settings: C360_BUSINESS_START, C360_SOURCE_ENCODINGS,
    C360_MAX_ROW_BYTES)."""

    business_start: str = DEFAULT_BUSINESS_START  # no timestamp before it (too_early:<column>)
    encodings: tuple[tuple[str, str], ...] = ()  # (source, declared encoding); others UTF-8
    max_row_bytes: int = MAX_ROW_BYTES  # a CSV record above it is quarantined on its own

    @classmethod
    def from_settings(cls, settings) -> LoadOptions:
        return cls(business_start=settings.business_start.isoformat(), encodings=settings.source_encodings,
                   max_row_bytes=settings.max_row_bytes)

    def encoding_of(self, source: str) -> str | None:
        return dict(self.encodings).get(source)


@dataclass(frozen=True)
class LoadResult:
    source: str
    entity: str
    export_date: str
    files: tuple[str, ...] = ()  # relative paths of every file offered for the day (rejected included)
    rows_landed: int = 0  # data lines in the readable files
    rows_loaded: int = 0  # appended to raw
    rows_quarantined: int = 0  # row-level quarantine rows (not counting rejected files)
    quarantined_by_reason: dict[str, int] = field(default_factory=dict)
    rejected_files: tuple[RejectedFile, ...] = ()
    seconds: float = 0.0  # of the whole batch the day was loaded in
    phase_seconds: dict[str, float] = field(default_factory=dict)  # read, classify, write (of the batch)
    batch_days: int = 1  # days loaded together with this one (itself included)
    replaced: bool = True  # False when no file was offered: existing rows of the day were left alone

    @property
    def table(self) -> str:
        return f"{self.source}__{self.entity}"

    @property
    def files_rejected(self) -> int:
        return len(self.rejected_files)

    @property
    def quarantine_rate(self) -> float:
        """Quarantined rows / landed rows (0 when nothing landed)."""
        return self.rows_quarantined / self.rows_landed if self.rows_landed else 0.0


def as_entity(entity: Entity | str) -> Entity:
    """An Entity from itself, its raw table name ('shop__orders') or 'shop/orders'."""
    if isinstance(entity, Entity):
        return entity
    key = entity.replace("/", "__").replace(".", "__")
    if key not in BY_TABLE:
        raise KeyError(f"no entity {entity!r} in the landing contract")
    return BY_TABLE[key]


def _relpath(f: ExportFile | str | os.PathLike, landing_dir: str | os.PathLike) -> tuple[str, str]:
    """(absolute path, path relative to the landing folder) of an export file."""
    if isinstance(f, ExportFile):
        path = f.path
        rel = f.relpath or os.path.relpath(path, landing_dir)
        if not os.path.isabs(path):
            path = str(Path(landing_dir) / (f.relpath or path))
        return str(Path(path).absolute()), rel
    path = Path(f)
    if not path.is_absolute():
        path = Path(landing_dir) / path
    try:
        rel = path.absolute().relative_to(Path(landing_dir).absolute()).as_posix()
    except ValueError:
        rel = path.name
    return str(path.absolute()), rel


# ------------------------------------------------------------------------------------------ batches


def _size_in_memory(path: str) -> int:
    try:
        size = os.path.getsize(path)
    except OSError:
        return 0
    return size * next((f for ext, f in COMPRESSION_FACTOR.items() if path.lower().endswith(ext)), 1)


def _batches(days: list[tuple[str, DayFiles]], max_bytes: int):
    """Consecutive days grouped so that a group's files stay under max_bytes (a bigger day goes alone)."""
    batch, size = [], 0
    for day, items in days:
        day_size = sum(_size_in_memory(path) for path, _ in items)
        if batch and size + day_size > max_bytes:
            yield batch
            batch, size = [], 0
        batch.append((day, items))
        size += day_size
    if batch:
        yield batch


def load_export_day(
    con: duckdb.DuckDBPyConnection,
    entity: Entity | str,
    export_date: str | dt.date,
    files: Sequence[ExportFile | str | os.PathLike],
    landing_dir: str | os.PathLike,
    *,
    schema: str = RAW_SCHEMA,
    options: LoadOptions | None = None,
) -> LoadResult:
    """Replace one export day of one entity in raw and raw.quarantine from its export files."""
    return load_export_days(con, entity, {export_date: files}, landing_dir, schema=schema, options=options)[0]


def load_export_days(
    con: duckdb.DuckDBPyConnection,
    entity: Entity | str,
    files_by_day: Mapping[str | dt.date, Sequence[ExportFile | str | os.PathLike]],
    landing_dir: str | os.PathLike,
    *,
    schema: str = RAW_SCHEMA,
    max_batch_bytes: int = MAX_BATCH_BYTES,
    workers: int = WORKERS,
    options: LoadOptions | None = None,
) -> list[LoadResult]:
    """Replace export days of one entity in raw and raw.quarantine from their export files.

    ``entity``: an Entity or its raw table name ('shop__orders'); ``files_by_day``: export date -> that
    day's export files (ExportFile, or paths absolute or relative to ``landing_dir``). One LoadResult
    per day, in date order. Idempotent: loading the same files again gives the same rows (only
    _loaded_at/quarantined_at move). A day with no files at all is not touched (a landing folder
    pruned for retention must not wipe raw history): ``replaced=False``. A bad file is quarantined,
    never raised; unexpected errors (a bug, a full disk) roll the batch back and are raised.
    """
    entity = as_entity(entity)
    options = options or LoadOptions()
    results: dict[str, LoadResult] = {}
    to_load: list[tuple[str, DayFiles]] = []
    for day, files in files_by_day.items():
        day = dt.date.fromisoformat(str(day)).isoformat()
        items = sorted({_relpath(f, landing_dir) for f in files}, key=lambda item: item[1])
        if items:
            to_load.append((day, items))
        else:
            results[day] = LoadResult(entity.source, entity.name, export_date=day, replaced=False)
    if to_load:
        con.execute(f"create schema if not exists {schema}")
        con.execute(raw_table_ddl(entity, schema))
        con.execute(quarantine_ddl(schema))
    batches = list(_batches(sorted(to_load), max_batch_bytes))
    if len(batches) < 2 or workers < 2:
        loaded = [_load_batch(con, entity, batch, schema, options) for batch in batches]
    else:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(_load_batch_on_cursor, con, entity, batch, schema, options) for batch in batches]
            loaded = [future.result() for future in futures]  # the first failure is raised, after the rest ran
    for batch_results in loaded:
        for result in batch_results:
            results[result.export_date] = result
    return [results[day] for day in sorted(results)]


def _load_batch_on_cursor(con, entity: Entity, batch, schema: str, options: LoadOptions) -> list[LoadResult]:
    """_load_batch on a connection of its own to the same database (temp tables are per connection)."""
    cursor = con.cursor()
    try:
        return _load_batch(cursor, entity, batch, schema, options)
    finally:
        cursor.close()


# ------------------------------------------------------------------------------------- one batch


@dataclass
class _Batch:
    """What one batch's steps learn, in order: its files, then its rows."""

    entity: Entity
    days: list[str]
    options: LoadOptions
    staged: list[StagedFile]
    paths: dict[int, str]
    rejected: list[tuple[str, RejectedFile]]  # (export date, file)
    rejected_info: dict[str, dict]  # relpath -> facts about a rejected file, its quarantine payload
    landed: dict[str, int] = field(default_factory=dict)  # export date -> data lines staged
    by_day_reason: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def quarantined(self) -> dict[str, int]:
        return {day: sum(self.by_day_reason.get(day, {}).values()) for day in self.days}


def _stage(con, batch: _Batch) -> None:
    """Read every file as text into the stage; its unreadable rows (decode.py) into UNREADABLE; a file
    that cannot be read at all is rejected whole."""
    width = max((len(s.header) for s in batch.staged), default=0)
    create_stage(con, width)
    for s, e in stage_files(con, list(batch.staged), batch.paths, width, batch.options.max_row_bytes):
        batch.staged.remove(s)
        batch.rejected.append((s.export_date, RejectedFile(s.relpath, e.reason, e.detail)))
        path = batch.paths[s.idx]
        batch.rejected_info[s.relpath] = {"bytes": os.path.getsize(path), "header": s.header,
                                          "rows": estimate_rows(path)}
    con.execute(f"create or replace temp table {UNREADABLE} (_file_idx integer, _line_number bigint, "
                "_reason varchar, _detail varchar, _payload varchar)")
    unreadable = [(s.idx, r.line_number, r.reason, r.detail, r.payload) for s in batch.staged for r in s.bad_rows]
    if unreadable:
        con.executemany(f"insert into {UNREADABLE} values (?, ?, ?, ?, ?)", unreadable)
    batch.landed = dict(con.execute(f"select _export_date::varchar, count(*) from {STAGE} group by 1").fetchall())


def _classify(con, batch: _Batch) -> None:
    """Type every staged row once and find the broken ones (temp tables TYPED and BAD)."""
    batch.by_day_reason = {day: {} for day in batch.days}
    if not batch.staged:
        return
    for statement in classify_statements(batch.entity, source_sql(batch.entity, batch.staged),
                                         extra_sql(batch.staged), business_start=batch.options.business_start):
        con.execute(statement)
    # a row decode.py could not read is quarantined for that, whatever its placeholder broke
    con.execute(f"delete from {BAD} where (_file_idx, _line_number) in (select _file_idx, _line_number from {UNREADABLE})")
    con.execute(f"insert into {BAD} select _file_idx, _line_number, _reason, _detail from {UNREADABLE}")
    day_of = {s.idx: s.export_date for s in batch.staged}
    for idx, reason, n in con.execute(f"select _file_idx, _reason, count(*) from {BAD} group by 1, 2").fetchall():
        reasons = batch.by_day_reason[day_of[idx]]
        reasons[reason] = reasons.get(reason, 0) + n


def _replace_days(con, batch: _Batch, schema: str, loaded_at: str) -> int:
    """In the caller's transaction: the batch's days out of raw and the quarantine, its rows in.
    Returns the rows loaded into raw."""
    entity = batch.entity
    table = f"{schema}.{entity.table}"
    day_list = ", ".join(f"date {_lit(day)}" for day in batch.days)
    con.execute(f"delete from {table} where _export_date in ({day_list})")
    con.execute(
        f"delete from {schema}.quarantine where source = ? and entity = ? and export_date in ({day_list})",
        [entity.source, entity.name],
    )
    loaded = 0
    if batch.staged:
        cols = ", ".join(_ident(c) for c in entity.column_names)
        typed = ", ".join(typed_column(c) for c in entity.column_names)
        loaded = con.execute(
            f"""
            insert into {table} ({cols}, _extra, _source_file, _line_number, _export_date, _loaded_at)
            select {typed}, _extra, _source_file, _line_number, _export_date, timestamp '{loaded_at}'
            from {TYPED}
            anti join {BAD} using (_file_idx, _line_number)
            """
        ).fetchone()[0]
        if any(batch.quarantined.values()):
            con.execute(
                f"""
                insert into {schema}.quarantine
                    (source, entity, source_file, line_number, export_date, reason, detail, payload, quarantined_at)
                select {_lit(entity.source)}, {_lit(entity.name)}, _source_file, _line_number,
                       _export_date, {BAD}._reason, {BAD}._detail,
                       coalesce({UNREADABLE}._payload, {payload_sql(batch.staged)}),
                       timestamp '{loaded_at}'
                from {STAGE} join {BAD} using (_file_idx, _line_number)
                left join {UNREADABLE} using (_file_idx, _line_number)
                """
            )
    if batch.rejected:
        con.executemany(
            f"insert into {schema}.quarantine (source, entity, source_file, line_number, export_date, "
            "reason, detail, payload, quarantined_at) values (?, ?, ?, null, ?, ?, ?, ?, ?)",
            [
                [entity.source, entity.name, r.relpath, day, r.reason, r.detail,
                 json.dumps(batch.rejected_info.get(r.relpath) or {}), loaded_at]
                for day, r in batch.rejected
            ],
        )
    return loaded


def _drop_temp(con) -> None:
    for t in (STAGE, TYPED, BAD, UNREADABLE):
        try:
            con.execute(f"drop table if exists temp.{t}")
        except duckdb.Error:
            pass


def _load_batch(con, entity: Entity, days: list[tuple[str, DayFiles]], schema: str,
                options: LoadOptions) -> list[LoadResult]:
    """Stage, classify and replace some export days in one transaction; one LoadResult per day."""
    started = time.perf_counter()
    items = [(path, rel, day) for day, day_items in days for path, rel in day_items]
    staged, paths, rejected, rejected_info = read_headers(con, entity, items, options.encoding_of(entity.source))
    batch = _Batch(entity, [day for day, _ in days], options, staged, paths, rejected, rejected_info)
    loaded_at = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")
    phases: dict[str, float] = {}
    in_transaction = False
    try:
        _stage(con, batch)
        phases["read"] = time.perf_counter() - started
        _classify(con, batch)
        phases["classify"] = time.perf_counter() - started - sum(phases.values())
        con.begin()
        in_transaction = True
        loaded = _replace_days(con, batch, schema, loaded_at)
        landed, quarantined = sum(batch.landed.values()), sum(batch.quarantined.values())
        if landed != loaded + quarantined:  # a bug, never bad data: refuse to commit it
            raise RuntimeError(f"{entity.table} {batch.days[0]}..{batch.days[-1]}: {landed} rows landed but "
                               f"{loaded} loaded + {quarantined} quarantined")
        con.commit()
        in_transaction = False
        phases["write"] = time.perf_counter() - started - sum(phases.values())
    except BaseException:
        if in_transaction:
            con.rollback()
        raise
    finally:
        _drop_temp(con)

    seconds = round(time.perf_counter() - started, 3)
    quarantined = batch.quarantined
    return [
        LoadResult(
            source=entity.source,
            entity=entity.name,
            export_date=day,
            files=tuple(rel for _, rel in day_items),
            rows_landed=batch.landed.get(day, 0),
            rows_loaded=batch.landed.get(day, 0) - quarantined[day],
            rows_quarantined=quarantined[day],
            quarantined_by_reason=dict(sorted(batch.by_day_reason[day].items(), key=lambda kv: (-kv[1], kv[0]))),
            rejected_files=tuple(sorted((r for d, r in batch.rejected if d == day), key=lambda r: r.relpath)),
            seconds=seconds,
            phase_seconds={k: round(v, 3) for k, v in phases.items()},
            batch_days=len(batch.days),
        )
        for day, day_items in days
    ]
