"""Load one entity's export days into raw, quarantining what breaks the landing contract.

Plain Python + DuckDB SQL (no Dagster, no pandas): a file is never pulled into Python.

``load_export_days`` is idempotent: it replaces each export day in ``raw.<source>__<entity>`` and that
entity's rows of the day in ``raw.quarantine``. Days are loaded in batches (as many days as fit in
MAX_BATCH_BYTES of files), one transaction per batch: a year's backfill is a few dozen statements per
entity, not thousands (a statement costs ~10 ms whatever its size; a day of a small entity is a few
rows). Batches run INGEST_WORKERS at a time, each on a cursor of its own (DuckDB lets transactions of
one process write different rows of a table side by side): a gzip file is read by one thread, so one
batch at a time left the second core idle for the big event exports. ``load_export_day`` loads one
day. The steps of a batch:

1. **stage** (outside the transaction, temp tables only): every file is read as all-VARCHAR into a
   positional staging table (``c0, c1, ...`` + file index, path, export date and 1-based data line).
   A file that cannot be
   used (empty, no header, missing a required column, not UTF-8, truncated so that DuckDB cannot parse
   it) becomes one file-level rejection and the rest of the batch still loads. A file is read completely
   before anything is written, so a broken file never leaves half of itself behind.
2. **classify** in SQL: every row is typed once, then gets the first rule it breaks
   (missing_required, missing_one_of, bad_timestamp/bad_date/bad_number/bad_boolean,
   negative/out_of_range, unknown_value, future_timestamp, duplicate_key within its export day) or passes.
3. **replace** (one transaction): delete the batch's days, insert the typed good rows and the quarantine
   rows.

Invariant (checked on every load): rows landed = rows loaded + rows quarantined (row level); rejected
files are counted separately and contribute one quarantine row each with line_number NULL.

Line numbers: for CSV the 1-based data record number (the header is line 0; blank lines are skipped;
a record with a quoted newline counts once), for Parquet the 1-based row number.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
import os
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from orchestration.landing.contract import (
    BIGINT,
    BOOLEAN,
    BY_TABLE,
    DATE,
    DOUBLE,
    ENTITIES,
    QUARANTINE_COLUMNS,
    RAW_METADATA_COLUMNS,
    TIMESTAMP,
    VARCHAR,
    Entity,
    ExportFile,
    quarantine_ddl,
    raw_table_ddl,
)

RAW_SCHEMA = "raw"
FUTURE_TOLERANCE_DAYS = 1  # an event dated more than this many days after its export date is future
# Days per batch: up to this many bytes of (uncompressed) files. The batch is staged all-VARCHAR in
# memory, about 2-3x its CSV size at the peak, well inside DuckDB's memory limit.
MAX_BATCH_BYTES = int(os.environ.get("C360_INGEST_BATCH_BYTES", str(256 << 20)))
COMPRESSION_FACTOR = {".gz": 6, ".parquet": 4}  # rough size in memory per byte on disk
# Batches loaded side by side (each stages its files in memory: two fit DuckDB's memory limit).
INGEST_WORKERS = int(os.environ.get("C360_INGEST_WORKERS", "2"))
MAX_HEADER_BYTES = 1 << 20
STAGE_FILES_PER_STATEMENT = 32  # files read by one staging statement (_stage_files)

_STAGE, _TYPED, _BAD = "_c360_stage", "_c360_typed", "_c360_bad"  # temp tables of a load
_WHITESPACE = "(' ' || chr(9) || chr(10) || chr(13))"  # DuckDB's trim() alone only strips spaces


@dataclass(frozen=True)
class RejectedFile:
    relpath: str
    reason: str  # file_empty | file_unreadable | file_missing_column:<col> | file_duplicate_column:<col>
    detail: str


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


# ---------------------------------------------------------------------------------------------- DDL


def ensure_raw_tables(con: duckdb.DuckDBPyConnection, schema: str = RAW_SCHEMA) -> None:
    """Create schema raw, every raw table of the contract and raw.quarantine if missing.

    A table created by an older contract gets the contract's new columns added (nullable), so a
    missing source gives an empty table and a grown contract never breaks an existing warehouse.
    """
    con.execute(f"create schema if not exists {schema}")
    existing: dict[str, set[str]] = {}
    for table, column in con.execute(
        "select table_name, column_name from information_schema.columns "
        "where table_schema = ? and table_catalog = current_database()",
        [schema],
    ).fetchall():
        existing.setdefault(table, set()).add(column)
    for entity in ENTITIES:
        con.execute(raw_table_ddl(entity, schema))
        wanted = [(c.name, c.type) for c in entity.columns] + list(RAW_METADATA_COLUMNS)
        _add_missing_columns(con, schema, entity.table, wanted, existing.get(entity.table))
    con.execute(quarantine_ddl(schema))
    _add_missing_columns(con, schema, "quarantine", list(QUARANTINE_COLUMNS), existing.get("quarantine"))


def _add_missing_columns(con, schema, table, wanted, have: set[str] | None) -> None:
    if have is None:  # just created from the DDL
        return
    for name, type_ in wanted:
        if name not in have:
            con.execute(f'alter table {schema}.{table} add column "{name}" {type_}')


# ------------------------------------------------------------------------------------------ helpers


def _lit(value: str) -> str:
    """A SQL string literal."""
    return "'" + str(value).replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


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


def as_entity(entity: Entity | str) -> Entity:
    """An Entity from itself, its raw table name ('shop__orders') or 'shop/orders'."""
    if isinstance(entity, Entity):
        return entity
    key = entity.replace("/", "__").replace(".", "__")
    if key not in BY_TABLE:
        raise KeyError(f"no entity {entity!r} in the landing contract")
    return BY_TABLE[key]


# ------------------------------------------------------------------------------------------- stage


@dataclass
class _Staged:
    idx: int
    relpath: str
    export_date: str
    header: list[str]  # column names as in the file (stripped)
    positions: dict[str, int]  # contract column -> position in the file
    extras: list[tuple[str, int]]  # (name, position) of non-contract columns


class _FileRejected(Exception):
    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason, self.detail = reason, detail


def _first_line(msg: str) -> str:
    lines = [ln.strip() for ln in str(msg).splitlines() if ln.strip()]
    text = " ".join(lines[:3])
    return text[:400]


def _csv_header(path: str) -> list[str]:
    opener = gzip.open if path.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as fh:
            raw = fh.readline(MAX_HEADER_BYTES)
    except (OSError, EOFError) as e:  # BadGzipFile is an OSError
        raise _FileRejected("file_unreadable", f"cannot read the file: {e}") from e
    if not raw.strip():
        raise _FileRejected("file_empty", "the file is empty or its first line (the header) is blank")
    if len(raw) >= MAX_HEADER_BYTES and not raw.endswith(b"\n"):
        raise _FileRejected("file_unreadable", "the header line is longer than 1 MB: not a CSV export")
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise _FileRejected("file_unreadable", f"the header is not UTF-8 text ({e.reason})") from e
    return [name.strip() for name in next(csv.reader([line.rstrip("\r\n")]))]


def _parquet_header(con, path: str) -> list[str]:
    try:
        rows = con.execute(f"describe select * from read_parquet({_lit(path)})").fetchall()
    except duckdb.Error as e:
        raise _FileRejected("file_unreadable", f"not a readable Parquet file: {_first_line(e)}") from e
    return [r[0] for r in rows]


def _map_header(entity: Entity, header: list[str]) -> tuple[dict[str, int], list[tuple[str, int]]]:
    """Contract column -> position, and the extra columns; rejects a file missing required columns."""
    contract = set(entity.column_names)
    positions: dict[str, int] = {}
    extras: list[tuple[str, int]] = []
    seen: set[str] = set()
    for pos, name in enumerate(header):
        name = name or f"column{pos + 1}"
        norm = name.strip().lower()
        if norm in seen:
            raise _FileRejected(f"file_duplicate_column:{norm}", f"the header names column {norm!r} twice")
        seen.add(norm)
        if norm in contract:
            positions[norm] = pos
        else:
            extras.append((name, pos))
    missing = [c for c in entity.required if c not in positions]
    if missing:
        raise _FileRejected(
            f"file_missing_column:{missing[0]}",
            f"required column(s) {', '.join(missing)} missing from the header "
            f"(found: {', '.join(header) or 'none'})",
        )
    if entity.one_of_required and not any(c in positions for c in entity.one_of_required):
        cols = "|".join(entity.one_of_required)
        raise _FileRejected(
            f"file_missing_column:{cols}",
            f"none of the columns {', '.join(entity.one_of_required)} is in the header (one is required)",
        )
    return positions, extras


def _create_stage(con, width: int) -> None:
    cols = ", ".join(f"c{i} varchar" for i in range(width))
    con.execute(
        f"create or replace temp table {_STAGE} "
        "(_file_idx integer, _source_file varchar, _export_date date, _line_number bigint"
        + (f", {cols})" if cols else ")")
    )


def _stage_select(staged: _Staged, path: str, width: int) -> str:
    """SELECT of one file's rows in the stage's shape: file index, path, export date, 1-based data
    line, c0 .. c<width-1> (NULL beyond the file's own columns)."""
    n = len(staged.header)
    padding = "".join(f", null::varchar as c{i}" for i in range(n, width))
    if path.lower().endswith(".parquet"):
        select = ", ".join(f"{_ident(h)}::varchar as c{i}" for i, h in enumerate(staged.header))
        source = f"(select {select}, file_row_number + 1 as _ln from read_parquet({_lit(path)}, file_row_number = true))"
        line = "_ln"
    else:
        spec = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(n))
        source = (
            f"read_csv({_lit(path)}, columns = {{{spec}}}, header = true, auto_detect = false, "
            "delim = ',', quote = '\"', escape = '\"', strict_mode = true, null_padding = false) "
            "with ordinality"
        )
        line = "ordinality"
    return (f"select {staged.idx}, {_lit(staged.relpath)}, date {_lit(staged.export_date)}, {line}, "
            f"* exclude ({line}){padding} from {source}")


def _stage_insert(width: int) -> str:
    cols = "".join(f", c{i}" for i in range(width))
    return f"insert into {_STAGE} (_file_idx, _source_file, _export_date, _line_number{cols}) "


def _stage_file(con, staged: _Staged, path: str, width: int) -> None:
    try:
        con.execute(_stage_insert(width) + _stage_select(staged, path, width))
    except duckdb.Error as e:
        raise _FileRejected("file_unreadable", f"DuckDB could not read the file: {_first_line(e)}") from e


def _stage_files(con, staged: list[_Staged], paths: dict[int, str], width: int) -> list[tuple[_Staged, _FileRejected]]:
    """Stage files STAGE_FILES_PER_STATEMENT at a time, as one UNION ALL each: DuckDB reads the files of
    a statement side by side, and a statement costs the same for one file as for many (365 daily gzip
    files of web events: 8.6 s one statement each, 1.7 s in groups). A group with a file DuckDB cannot
    read is a failed statement, which stages nothing; its files are then staged one by one, so only the
    broken file is rejected. Returns the rejected files."""
    rejected = []
    for start in range(0, len(staged), STAGE_FILES_PER_STATEMENT):
        group = staged[start:start + STAGE_FILES_PER_STATEMENT]
        try:
            con.execute(_stage_insert(width) + " union all ".join(
                _stage_select(s, paths[s.idx], width) for s in group))
            continue
        except duckdb.Error:
            pass
        for s in group:
            try:
                _stage_file(con, s, paths[s.idx], width)
            except _FileRejected as e:
                rejected.append((s, e))
    return rejected


# ---------------------------------------------------------------------------------------- classify


def typed_expr(entity: Entity, name: str, col: str) -> str:
    """SQL turning the raw VARCHAR ``col`` into the contract type of column ``name`` (NULL if invalid).

    Timestamps must look like ISO 8601 (YYYY-MM-DD first). Ending in 'Z' they are UTC already; with
    an offset (+02:00, -0500, +02) they are converted to naive UTC; without one they are taken as UTC
    (the contract), independent of the session's TimeZone. Local-time entities (POS) keep the
    wall-clock time and ignore any offset. Whole numbers must be whole ('1.5' is not a BIGINT; DuckDB
    would round it). Cheap string tests only (no regular expressions, no trim unless the value starts
    with whitespace): this runs on every row of a million-row day.
    """
    c = entity.column(name)
    if c.type in (TIMESTAMP, DATE):
        v = f"(case when {col} < '0' then trim({col}, {_WHITESPACE}) else {col} end)"
        iso = f"({v} like '____-__-__%' and {v} >= '0' and {v} < ':')"
        if c.type == DATE:
            return f"(case when {iso} and length({v}) = 10 then try_cast({v} as date) end)"
        if entity.local_time:
            return f"(case when {iso} then try_cast({v} as timestamp) end)"
        has_offset = f"(strpos({v}, '+') > 0 or (length({v}) > 10 and strpos(right({v}, 6), '-') > 0))"
        return (
            f"(case when not {iso} then null "
            f"when ends_with({v}, 'Z') or ends_with({v}, 'z') then try_cast({v} as timestamp) "
            f"when {has_offset} then timezone('UTC', try_cast({v} as timestamptz)) "
            f"else try_cast({v} as timestamp) end)"
        )
    if c.type == BIGINT:
        return f"(case when try_cast({col} as double) = try_cast({col} as bigint) then try_cast({col} as bigint) end)"
    if c.type == DOUBLE:
        return f"(case when isfinite(try_cast({col} as double)) then try_cast({col} as double) end)"
    if c.type == BOOLEAN:
        return f"try_cast({col} as boolean)"
    return f"nullif({col}, '')"


def given_expr(col: str) -> str:
    """SQL: the raw VARCHAR ``col`` holds something (not NULL, not only whitespace).

    Compares before trimming: a value whose first byte is above ' ' is given without a copy.
    """
    return f"(case when {col} >= '!' then true when {col} is null then false else trim({col}, {_WHITESPACE}) <> '' end)"


def _t(name: str) -> str:
    """The typed value of a contract column in the typed table."""
    return _ident(f"t__{name}")


def _p(name: str) -> str:
    """The 'is given' flag (not NULL, not blank) of a contract column in the typed table."""
    return _ident(f"p__{name}")


def _flagged(entity: Entity) -> list[str]:
    """Columns that need an 'is given' flag: required, one-of-required and typed ones."""
    names = set(entity.required) | set(entity.one_of_required) | {c.name for c in entity.columns if c.type != VARCHAR}
    return [c for c in entity.column_names if c in names]


def _show(col: str) -> str:
    """A value for a detail sentence: quoted and cut to 60 characters."""
    return "chr(39) || left(" + col + ", 60) || chr(39)"


@dataclass(frozen=True)
class Rule:
    reason: str  # short and groupable: "<rule>:<column>"
    condition: str  # SQL over the typed table (t__<col> values, p__<col> flags); true = broken
    detail: str  # SQL over the raw columns giving the human sentence (only run on broken rows)


def rules_for(entity: Entity) -> list[Rule]:
    """The row rules of an entity, in the order they are tried (the first broken one wins).

    Key duplicates are not here: they are looked for among the rows that pass every rule. Rules see
    each row's _export_date (the future rule is relative to it).
    """
    q = _ident
    rules: list[Rule] = []
    for name in entity.required:
        rules.append(Rule(f"missing_required:{name}", f"not {_p(name)}", _lit(f"required column {name} is empty")))
    if entity.one_of_required:
        cols = entity.one_of_required
        rules.append(Rule(f"missing_one_of:{'|'.join(cols)}", "(" + " and ".join(f"not {_p(n)}" for n in cols) + ")",
                          _lit(f"none of {', '.join(cols)} is given; at least one is required")))
    kinds = {TIMESTAMP: ("bad_timestamp", "an ISO 8601 timestamp"), DATE: ("bad_date", "an ISO 8601 date"),
             BIGINT: ("bad_number", "a whole number"), DOUBLE: ("bad_number", "a finite number"),
             BOOLEAN: ("bad_boolean", "a boolean (true/false)")}
    for c in entity.columns:
        if c.type in kinds:
            reason, what = kinds[c.type]
            rules.append(Rule(f"{reason}:{c.name}", f"({_p(c.name)} and {_t(c.name)} is null)",
                              f"{_lit(c.name + ' ')} || {_show(q(c.name))} || {_lit(' is not ' + what)}"))
    for c in entity.columns:
        if c.min is None and c.max is None:
            continue
        shown = f"{_lit(c.name + ' ')} || {_show(q(c.name))}"
        if c.min is not None and c.min >= 0:
            rules.append(Rule(f"negative:{c.name}", f"{_t(c.name)} < 0", f"{shown} || ' is negative'"))
        bounds = ([f"{_t(c.name)} < {c.min!r}"] if c.min is not None else []) + (
            [f"{_t(c.name)} > {c.max!r}"] if c.max is not None else [])
        lo, hi = ("" if c.min is None else f"{c.min:g}"), ("" if c.max is None else f"{c.max:g}")
        rules.append(Rule(f"out_of_range:{c.name}", "(" + " or ".join(bounds) + ")",
                          f"{shown} || {_lit(f' is outside {lo}..{hi}')}"))
    for c in entity.columns:
        if c.values:  # exact, as exported: downstream relies on these spellings
            allowed = ", ".join(_lit(v) for v in c.values)
            rules.append(Rule(f"unknown_value:{c.name}", f"{_t(c.name)} not in ({allowed})",
                              f"{_lit(c.name + ' ')} || {_show(q(c.name))} || "
                              f"{_lit(' is not one of ' + ', '.join(c.values))}"))
    if entity.event_time:
        et = entity.event_time
        limit = f"(_export_date + interval {FUTURE_TOLERANCE_DAYS + 1} day)"
        after = f" is more than {FUTURE_TOLERANCE_DAYS} day after the export date "
        rules.append(Rule(f"future_timestamp:{et}", f"{_t(et)} >= {limit}",
                          f"{_lit(et + ' ')} || {_show(q(et))} || {_lit(after)} || _export_date::varchar"))
    return rules


def classify_statements(entity: Entity, source_sql: str, extra_sql: str,
                        typed_table: str = _TYPED, bad_table: str = _BAD) -> list[str]:
    """The SQL statements that type every staged row once and find the broken ones.

    ``source_sql`` yields _file_idx, _source_file, _export_date, _line_number and each contract column
    as raw VARCHAR; ``extra_sql`` an expression (over the stage) giving the row's _extra JSON.

    1. ``typed_table``: each row typed once (t__<col>), 'is given' flags (p__<col>) and _extra;
    2. ``bad_table`` (_file_idx, _line_number, _reason, _detail): the first rule each row breaks, the
       detail sentence built from the raw values of the broken rows only;
    3. among the rows that pass, the second and later copies of a key within one export day (in file
       then line order) are added as duplicate_key, naming where the first copy is.
    """
    rules = rules_for(entity)
    typed = [f"{typed_expr(entity, c, _ident(c))} as {_t(c)}" for c in entity.column_names]
    flags = [f"{given_expr(_ident(c))} as {_p(c)}" for c in _flagged(entity)]
    reason = "case " + " ".join(f"when {r.condition} then {_lit(r.reason)}" for r in rules) + " end"
    detail = "case _reason " + " ".join(f"when {_lit(r.reason)} then {r.detail}" for r in rules) + " end"
    type_rows = f"""
        create or replace temp table {typed_table} as
        select _file_idx, _source_file, _export_date, _line_number, {", ".join(typed + flags)},
               {extra_sql} as _extra
        from ({source_sql}) src
    """
    find_broken = f"""
        create or replace temp table {bad_table} as
        select _file_idx, _line_number, _reason, {detail} as _detail
        from (
            select _file_idx, _line_number, _reason
            from (select _file_idx, _line_number, {reason} as _reason from {typed_table}) checked
            where _reason is not null
        ) broken
        join ({source_sql}) src using (_file_idx, _line_number)
    """
    keys = [_t(k) for k in entity.key]
    shown = " || ', ' || ".join(f"{_lit(k + '=')} || coalesce({_t(k)}::varchar, 'NULL')" for k in entity.key)
    find_duplicates = f"""
        insert into {bad_table}
        select _file_idx, _line_number, 'duplicate_key',
               'duplicate key ' || {shown} || ': first seen in ' || _first_file || ' line ' || _first_line
        from (
            select _file_idx, _line_number, {", ".join(keys)},
                   row_number() over w as _copy,
                   first_value(_source_file) over w as _first_file,
                   first_value(_line_number) over w as _first_line
            from {typed_table}
            anti join {bad_table} using (_file_idx, _line_number)
            window w as (partition by _export_date, {", ".join(keys)} order by _file_idx, _line_number)
        ) copies
        where _copy > 1
    """
    return [type_rows, find_broken, find_duplicates]


# -------------------------------------------------------------------------------------------- load


def _per_file(staged: list[_Staged], exprs: dict[int, str | None], default: str = "null") -> str:
    """One SQL expression of _file_idx choosing each file's expression (collapsed when all agree)."""
    values = {exprs[s.idx] or default for s in staged}
    if len(values) == 1:
        return values.pop()
    whens = " ".join(f"when {s.idx} then {exprs[s.idx] or default}" for s in staged)
    return f"(case _file_idx {whens} end)"


def _source_sql(entity: Entity, staged: list[_Staged]) -> str:
    """The staged rows with each contract column under its name (raw VARCHAR, NULL if not exported)."""
    cols = []
    for name in entity.column_names:
        exprs = {s.idx: f"c{s.positions[name]}" if name in s.positions else None for s in staged}
        cols.append(f"{_per_file(staged, exprs, 'null::varchar')} as {_ident(name)}")
    return f"select *, {', '.join(cols)} from {_STAGE}"


def _extra_sql(staged: list[_Staged]) -> str:
    """JSON object of the columns outside the contract (NULL when a file has none)."""
    exprs = {
        s.idx: (f"json_object({', '.join(f'{_lit(n)}, c{p}' for n, p in s.extras)})::varchar" if s.extras else None)
        for s in staged
    }
    return _per_file(staged, exprs, "null::varchar")


def _payload_sql(staged: list[_Staged]) -> str:
    """The whole raw row as a JSON object, columns in file order, values as they arrived."""
    exprs = {s.idx: "json_object(" + ", ".join(f"{_lit(h)}, c{p}" for p, h in enumerate(s.header)) + ")::varchar"
             for s in staged}
    return _per_file(staged, exprs, "null::varchar")


def _drop_temp(con) -> None:
    for t in (_STAGE, _TYPED, _BAD):
        try:
            con.execute(f"drop table if exists temp.{t}")
        except duckdb.Error:
            pass


def _read_headers(con, entity: Entity, items: list[tuple[str, str, str]]):
    """Header of every (path, relpath, export date): (staged files, their paths, rejected files with
    their day, facts about rejected files for their quarantine payload)."""
    staged: list[_Staged] = []
    paths: dict[int, str] = {}
    rejected: list[tuple[str, RejectedFile]] = []
    info: dict[str, dict] = {}
    for idx, (path, rel, day) in enumerate(items):
        facts: dict = {}
        try:
            facts["bytes"] = os.path.getsize(path)
            if facts["bytes"] == 0:
                raise _FileRejected("file_empty", "the file has 0 bytes")
            header = _parquet_header(con, path) if path.lower().endswith(".parquet") else _csv_header(path)
            header = [h or f"column{p + 1}" for p, h in enumerate(header)]
            facts["header"] = header
            positions, extras = _map_header(entity, header)
            staged.append(_Staged(idx, rel, day, header, positions, extras))
            paths[idx] = path
        except _FileRejected as e:
            rejected.append((day, RejectedFile(rel, e.reason, e.detail)))
            info[rel] = facts
        except OSError as e:
            rejected.append((day, RejectedFile(rel, "file_unreadable", f"cannot read the file: {e}")))
            info[rel] = facts
    return staged, paths, rejected, info


def _size_in_memory(path: str) -> int:
    try:
        size = os.path.getsize(path)
    except OSError:
        return 0
    return size * next((f for ext, f in COMPRESSION_FACTOR.items() if path.lower().endswith(ext)), 1)


def _batches(days: list[tuple[str, list[tuple[str, str]]]], max_bytes: int):
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
) -> LoadResult:
    """Replace one export day of one entity in raw and raw.quarantine from its export files."""
    return load_export_days(con, entity, {export_date: files}, landing_dir, schema=schema)[0]


def load_export_days(
    con: duckdb.DuckDBPyConnection,
    entity: Entity | str,
    files_by_day: Mapping[str | dt.date, Sequence[ExportFile | str | os.PathLike]],
    landing_dir: str | os.PathLike,
    *,
    schema: str = RAW_SCHEMA,
    max_batch_bytes: int = MAX_BATCH_BYTES,
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
    base = {"source": entity.source, "entity": entity.name}
    results: dict[str, LoadResult] = {}
    to_load: list[tuple[str, list[tuple[str, str]]]] = []
    for day, files in files_by_day.items():
        day = dt.date.fromisoformat(str(day)).isoformat()
        items = sorted({_relpath(f, landing_dir) for f in files}, key=lambda item: item[1])
        if items:
            to_load.append((day, items))
        else:
            results[day] = LoadResult(**base, export_date=day, replaced=False)
    if to_load:
        con.execute(f"create schema if not exists {schema}")
        con.execute(raw_table_ddl(entity, schema))
        con.execute(quarantine_ddl(schema))
    batches = list(_batches(sorted(to_load), max_batch_bytes))
    if len(batches) < 2 or INGEST_WORKERS < 2:
        loaded = [_load_batch(con, entity, batch, schema) for batch in batches]
    else:
        with ThreadPoolExecutor(max_workers=INGEST_WORKERS) as pool:
            futures = [pool.submit(_load_batch_on_cursor, con, entity, batch, schema) for batch in batches]
            loaded = [future.result() for future in futures]  # the first failure is raised, after the rest ran
    for batch_results in loaded:
        for result in batch_results:
            results[result.export_date] = result
    return [results[day] for day in sorted(results)]


def _load_batch_on_cursor(con, entity: Entity, batch, schema: str) -> list[LoadResult]:
    """_load_batch on a connection of its own to the same database (temp tables are per connection)."""
    cursor = con.cursor()
    try:
        return _load_batch(cursor, entity, batch, schema)
    finally:
        cursor.close()


def _load_batch(con, entity: Entity, batch: list[tuple[str, list[tuple[str, str]]]], schema: str) -> list[LoadResult]:
    """Stage, classify and replace some export days in one transaction; one LoadResult per day."""
    started = time.perf_counter()
    days = [day for day, _ in batch]
    items = [(path, rel, day) for day, day_items in batch for path, rel in day_items]
    staged, paths, rejected, file_info = _read_headers(con, entity, items)

    loaded_at = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")
    table = f"{schema}.{entity.table}"
    in_transaction = False
    try:
        # 1. stage: a file DuckDB cannot parse to the end is rejected as a whole
        width = max((len(s.header) for s in staged), default=0)
        _create_stage(con, width)
        for s, e in _stage_files(con, list(staged), paths, width):
            staged.remove(s)
            rejected.append((s.export_date, RejectedFile(s.relpath, e.reason, e.detail)))
            file_info[s.relpath] = {"header": s.header}
        landed = dict(con.execute(f"select _export_date::varchar, count(*) from {_STAGE} group by 1").fetchall())
        phases = {"read": time.perf_counter() - started}

        # 2. classify
        by_day_reason: dict[str, dict[str, int]] = {day: {} for day in days}
        if staged:
            for statement in classify_statements(entity, _source_sql(entity, staged), _extra_sql(staged)):
                con.execute(statement)
            day_of = {s.idx: s.export_date for s in staged}
            for idx, reason, n in con.execute(
                f"select _file_idx, _reason, count(*) from {_BAD} group by 1, 2"
            ).fetchall():
                reasons = by_day_reason[day_of[idx]]
                reasons[reason] = reasons.get(reason, 0) + n
        quarantined = {day: sum(r.values()) for day, r in by_day_reason.items()}
        phases["classify"] = time.perf_counter() - started - sum(phases.values())

        # 3. replace the days
        con.begin()
        in_transaction = True
        day_list = ", ".join(f"date {_lit(day)}" for day in days)
        con.execute(f"delete from {table} where _export_date in ({day_list})")
        con.execute(
            f"delete from {schema}.quarantine where source = ? and entity = ? and export_date in ({day_list})",
            [entity.source, entity.name],
        )
        loaded = 0
        if staged:
            cols = ", ".join(_ident(c) for c in entity.column_names)
            typed = ", ".join(_t(c) for c in entity.column_names)
            loaded = con.execute(
                f"""
                insert into {table} ({cols}, _extra, _source_file, _line_number, _export_date, _loaded_at)
                select {typed}, _extra, _source_file, _line_number, _export_date, timestamp '{loaded_at}'
                from {_TYPED}
                anti join {_BAD} using (_file_idx, _line_number)
                """
            ).fetchone()[0]
            if any(quarantined.values()):
                con.execute(
                    f"""
                    insert into {schema}.quarantine
                        (source, entity, source_file, line_number, export_date, reason, detail, payload, quarantined_at)
                    select {_lit(entity.source)}, {_lit(entity.name)}, _source_file, _line_number,
                           _export_date, _reason, _detail, {_payload_sql(staged)}, timestamp '{loaded_at}'
                    from {_STAGE} join {_BAD} using (_file_idx, _line_number)
                    """
                )
        if rejected:
            con.executemany(
                f"insert into {schema}.quarantine (source, entity, source_file, line_number, export_date, "
                "reason, detail, payload, quarantined_at) values (?, ?, ?, null, ?, ?, ?, ?, ?)",
                [
                    [entity.source, entity.name, r.relpath, day, r.reason, r.detail,
                     json.dumps(file_info.get(r.relpath) or {}), loaded_at]
                    for day, r in rejected
                ],
            )
        total_landed, total_quarantined = sum(landed.values()), sum(quarantined.values())
        if total_landed != loaded + total_quarantined:  # a bug, never bad data: refuse to commit it
            raise RuntimeError(
                f"{entity.table} {days[0]}..{days[-1]}: {total_landed} rows landed but {loaded} loaded "
                f"+ {total_quarantined} quarantined"
            )
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
    return [
        LoadResult(
            source=entity.source,
            entity=entity.name,
            export_date=day,
            files=tuple(rel for _, rel in day_items),
            rows_landed=landed.get(day, 0),
            rows_loaded=landed.get(day, 0) - quarantined[day],
            rows_quarantined=quarantined[day],
            quarantined_by_reason=dict(sorted(by_day_reason[day].items(), key=lambda kv: (-kv[1], kv[0]))),
            rejected_files=tuple(sorted((r for d, r in rejected if d == day), key=lambda r: r.relpath)),
            seconds=seconds,
            phase_seconds={k: round(v, 3) for k, v in phases.items()},
            batch_days=len(days),
        )
        for day, day_items in batch
    ]


# ------------------------------------------------------------------------------- unknown exports

UNKNOWN_REASONS = ("unknown_source", "unknown_entity")


def quarantine_unknown_exports(
    con: duckdb.DuckDBPyConnection,
    export_date: str | dt.date,
    unknown: Sequence,  # files.UnknownExport
    *,
    schema: str = RAW_SCHEMA,
) -> int:
    """Replace the day's unknown-export rows in raw.quarantine: one row per file (line_number NULL).

    ``unknown`` are files.UnknownExport of that export date (a source or entity not in the contract).
    Returns the number of rows written.
    """
    from orchestration.landing.contract import SOURCES, entities_of  # local: keep the module header small

    export_date = dt.date.fromisoformat(str(export_date)).isoformat()
    loaded_at = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")
    rows = []
    for u in unknown:
        f = u.file
        if u.reason == "unknown_source":
            detail = f"no source {f.source!r} in the landing contract (known: {', '.join(SOURCES)})"
        else:
            known = ", ".join(e.name for e in entities_of(f.source))
            detail = f"source {f.source!r} has no entity {f.entity!r} in the landing contract (known: {known})"
        size = os.path.getsize(f.path) if os.path.exists(f.path) else None
        rows.append([f.source, f.entity, f.relpath, export_date, u.reason, detail, json.dumps({"bytes": size}),
                     loaded_at])
    con.execute(f"create schema if not exists {schema}")
    con.execute(quarantine_ddl(schema))
    con.begin()
    try:
        reasons = ", ".join(_lit(r) for r in UNKNOWN_REASONS)
        con.execute(f"delete from {schema}.quarantine where export_date = ? and reason in ({reasons})", [export_date])
        if rows:
            con.executemany(
                f"insert into {schema}.quarantine (source, entity, source_file, line_number, export_date, "
                "reason, detail, payload, quarantined_at) values (?, ?, ?, null, ?, ?, ?, ?, ?)",
                rows,
            )
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return len(rows)
