"""Stage export files: read each one as text (all VARCHAR) into one temp table, positionally.

A file that cannot be used (empty, no header, missing a required column, a header that does not
decode, a truncated gzip) becomes one file-level rejection; the other files still stage. A file
DuckDB cannot read whole because of some of its rows (a byte that is not UTF-8, a row over
C360_MAX_ROW_BYTES, a row with a column too many), or that is not UTF-8 at all (a UTF-16 byte-order
mark, a source declared latin-1 in C360_SOURCE_ENCODINGS), is decoded row by row first (decode.py):
its unreadable rows are quarantined one by one with their line numbers and the rest of it loads. A
file is read completely before anything is written, so a broken file never leaves half of itself
behind. Details of rejections name no value of the file (they reach Dagster's logs): the header a
file had is kept in its quarantine payload.

The stage table holds ``c0, c1, ...`` + file index, path, export date and 1-based data line. Line
numbers: for CSV the 1-based data record number (the header is line 0; blank lines are skipped; a
record with a quoted newline counts once), for Parquet the 1-based row number.
"""

from __future__ import annotations

import os
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from customer360.landing.contract import Entity
from customer360.landing.decode import (
    BadRow,
    Unsalvageable,
    needs_decoding,
    open_binary,
    read_header,
    salvage,
)
from customer360.sql import identifier as _ident
from customer360.sql import literal as _lit

STAGE = "_c360_stage"  # the temp table of a load's staged rows
MAX_HEADER_BYTES = 1 << 20
MAX_ROW_BYTES = 1 << 20  # Settings.max_row_bytes (C360_MAX_ROW_BYTES) in a build
STAGE_FILES_PER_STATEMENT = 32  # files read by one staging statement (stage_files)


@dataclass(frozen=True)
class RejectedFile:
    relpath: str
    reason: str  # file_empty | file_unreadable | file_missing_column:<col> | file_duplicate_column:<col>
    detail: str


@dataclass
class StagedFile:
    idx: int
    relpath: str
    export_date: str
    header: list[str]  # column names as in the file (stripped)
    positions: dict[str, int]  # contract column -> position in the file
    extras: list[tuple[str, int]]  # (name, position) of non-contract columns
    encoding: str = "utf-8"  # what the file is read in (decode.py decodes anything but UTF-8 first)
    bad_rows: list[BadRow] = field(default_factory=list)  # rows decode.py could not read (quarantined)


class FileRejected(Exception):
    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason, self.detail = reason, detail


def _csv_header(path: str, declared: str | None = None) -> tuple[list[str], str]:
    """The header's column names and the encoding the file is read in."""
    try:
        with open_binary(path) as fh:
            raw = fh.readline(MAX_HEADER_BYTES)
    except (OSError, EOFError, zlib.error) as e:  # BadGzipFile is an OSError
        raise FileRejected("file_unreadable", f"cannot read the file: {e}") from e
    if not raw.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise FileRejected("file_empty", "the file is empty or its first line (the header) is blank")
    try:
        return read_header(path, declared, MAX_HEADER_BYTES)
    except UnicodeError as e:
        raise FileRejected("file_unreadable", str(e)) from e
    except ValueError as e:
        raise FileRejected("file_unreadable", str(e)) from e
    except (OSError, EOFError, zlib.error) as e:
        raise FileRejected("file_unreadable", f"cannot read the file: {e}") from e


def _parquet_header(con, path: str) -> list[str]:
    try:
        rows = con.execute(f"describe select * from read_parquet({_lit(path)})").fetchall()
    except duckdb.Error as e:
        raise FileRejected("file_unreadable", f"not a readable Parquet file: {error_cause(e)}") from e
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
        if norm in seen:  # the name is not shown: a file without a header has data there
            raise FileRejected("file_duplicate_column", f"the header names column {pos + 1}'s name twice "
                                                        "(the header is in the quarantine payload)")
        seen.add(norm)
        if norm in contract:
            positions[norm] = pos
        else:
            extras.append((name, pos))
    missing = [c for c in entity.required if c not in positions]
    if missing:
        raise FileRejected(
            f"file_missing_column:{missing[0]}",
            f"required column(s) {', '.join(missing)} missing from the header ({len(header)} column(s) found; "
            "the header is in the quarantine payload)",
        )
    if entity.one_of_required and not any(c in positions for c in entity.one_of_required):
        cols = "|".join(entity.one_of_required)
        raise FileRejected(
            f"file_missing_column:{cols}",
            f"none of the columns {', '.join(entity.one_of_required)} is in the header (one is required)",
        )
    return positions, extras


def create_stage(con, width: int) -> None:
    cols = ", ".join(f"c{i} varchar" for i in range(width))
    con.execute(
        f"create or replace temp table {STAGE} "
        "(_file_idx integer, _source_file varchar, _export_date date, _line_number bigint"
        + (f", {cols})" if cols else ")")
    )


def _stage_select(staged: StagedFile, path: str, width: int) -> str:
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
    return f"insert into {STAGE} (_file_idx, _source_file, _export_date, _line_number{cols}) "


def error_cause(error: Exception) -> str:
    """DuckDB's message without the data it quotes (an 'Original Line: ...' holds a row of the file)."""
    lines = [ln.strip() for ln in str(error).splitlines() if ln.strip()]
    kept = [ln for ln in lines[:4] if not ln.lower().startswith(("original line", "line:", "file ="))]
    return " ".join(kept)[:400]


def _stage_salvaged(con, staged: StagedFile, path: str, width: int, max_row_bytes: int, workdir: str) -> None:
    """Decode the file row by row (decode.py) and stage the clean copy; its unreadable rows are kept on
    ``staged.bad_rows`` (placeholders hold their lines in the stage)."""
    copy = Path(tempfile.mkstemp(suffix=".csv", dir=workdir)[1])
    try:
        staged.bad_rows = salvage(path, staged.encoding, len(staged.header), copy, max_row_bytes)
        con.execute(_stage_insert(width) + _stage_select(staged, str(copy), width))
    except Unsalvageable as e:
        raise FileRejected("file_unreadable", str(e)) from e
    except duckdb.Error as e:
        raise FileRejected("file_unreadable", f"DuckDB could not read the file: {error_cause(e)}") from e
    finally:
        copy.unlink(missing_ok=True)


def _stage_file(con, staged: StagedFile, path: str, width: int, max_row_bytes: int, workdir: str) -> None:
    if path.lower().endswith(".parquet"):
        try:
            con.execute(_stage_insert(width) + _stage_select(staged, path, width))
        except duckdb.Error as e:
            raise FileRejected("file_unreadable", f"DuckDB could not read the file: {error_cause(e)}") from e
        return
    if not needs_decoding(staged.encoding):
        try:
            con.execute(_stage_insert(width) + _stage_select(staged, path, width))
            return
        except duckdb.Error:  # a bad byte, an oversized or malformed row: salvage the rest
            pass
    _stage_salvaged(con, staged, path, width, max_row_bytes, workdir)


def stage_files(con, staged: list[StagedFile], paths: dict[int, str], width: int,
                max_row_bytes: int = MAX_ROW_BYTES) -> list[tuple[StagedFile, FileRejected]]:
    """Stage files STAGE_FILES_PER_STATEMENT at a time, as one UNION ALL each: DuckDB reads the files of
    a statement side by side, and a statement costs the same for one file as for many (365 daily gzip
    files of web events: 8.6 s one statement each, 1.7 s in groups). A group with a file DuckDB cannot
    read is a failed statement, which stages nothing; its files are then staged one by one, a file
    DuckDB cannot read whole through decode.py, so only its broken rows (or a truly broken file) are
    lost. Files in another encoding than UTF-8 always go through decode.py. Returns the rejected files."""
    rejected = []
    direct = [s for s in staged if not needs_decoding(s.encoding)]
    with tempfile.TemporaryDirectory(prefix="c360-decode-") as workdir:
        for start in range(0, len(direct), STAGE_FILES_PER_STATEMENT):
            group = direct[start:start + STAGE_FILES_PER_STATEMENT]
            try:
                con.execute(_stage_insert(width) + " union all ".join(
                    _stage_select(s, paths[s.idx], width) for s in group))
                continue
            except duckdb.Error:
                pass
            for s in group:
                try:
                    _stage_file(con, s, paths[s.idx], width, max_row_bytes, workdir)
                except FileRejected as e:
                    rejected.append((s, e))
        for s in staged:
            if needs_decoding(s.encoding):
                try:
                    _stage_file(con, s, paths[s.idx], width, max_row_bytes, workdir)
                except FileRejected as e:
                    rejected.append((s, e))
    return rejected


# ---------------------------------------------------------------------- SQL over the staged rows


def _per_file(staged: list[StagedFile], exprs: dict[int, str | None], default: str = "null") -> str:
    """One SQL expression of _file_idx choosing each file's expression (collapsed when all agree)."""
    values = {exprs[s.idx] or default for s in staged}
    if len(values) == 1:
        return values.pop()
    whens = " ".join(f"when {s.idx} then {exprs[s.idx] or default}" for s in staged)
    return f"(case _file_idx {whens} end)"


def source_sql(entity: Entity, staged: list[StagedFile]) -> str:
    """The staged rows with each contract column under its name (raw VARCHAR, NULL if not exported)."""
    cols = []
    for name in entity.column_names:
        exprs = {s.idx: f"c{s.positions[name]}" if name in s.positions else None for s in staged}
        cols.append(f"{_per_file(staged, exprs, 'null::varchar')} as {_ident(name)}")
    return f"select *, {', '.join(cols)} from {STAGE}"


def extra_sql(staged: list[StagedFile]) -> str:
    """JSON object of the columns outside the contract (NULL when a file has none)."""
    exprs = {
        s.idx: (f"json_object({', '.join(f'{_lit(n)}, c{p}' for n, p in s.extras)})::varchar" if s.extras else None)
        for s in staged
    }
    return _per_file(staged, exprs, "null::varchar")


def payload_sql(staged: list[StagedFile]) -> str:
    """The whole raw row as a JSON object, columns in file order, values as they arrived."""
    exprs = {s.idx: "json_object(" + ", ".join(f"{_lit(h)}, c{p}" for p, h in enumerate(s.header)) + ")::varchar"
             for s in staged}
    return _per_file(staged, exprs, "null::varchar")


def estimate_rows(path: str) -> int | None:
    """Data rows of a file that could not be used (its share of the day decides whether publish goes
    ahead): newline count minus the header for CSV, the row count in a Parquet footer; None when it
    cannot be told (a truncated or corrupt gzip: the rows it lost are unknown; the quarantine then
    estimates them from the file's size)."""
    if path.lower().endswith(".parquet"):
        try:
            with duckdb.connect() as con:
                return int(con.execute("select sum(num_rows) from parquet_file_metadata(?)", [path]).fetchone()[0])
        except (duckdb.Error, TypeError):
            return None
    lines = 0
    gz = path.lower().endswith(".gz")
    inflate = zlib.decompressobj(wbits=47) if gz else None  # gzip or zlib header; stops where the data ends
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                lines += (inflate.decompress(chunk) if inflate else chunk).count(b"\n")
    except OSError:
        return None
    except zlib.error:
        return None
    if inflate is not None and not inflate.eof:
        return None  # cut short: more rows were there than can be counted
    return max(lines - 1, 0)


def read_headers(con, entity: Entity, items: list[tuple[str, str, str]], encoding: str | None = None):
    """Header of every (path, relpath, export date): (staged files, their paths, rejected files with
    their day, facts about rejected files for their quarantine payload). ``encoding``: what the
    entity's source declared (None: UTF-8, UTF-16 when the file starts with its byte-order mark)."""
    staged: list[StagedFile] = []
    paths: dict[int, str] = {}
    rejected: list[tuple[str, RejectedFile]] = []
    info: dict[str, dict] = {}
    for idx, (path, rel, day) in enumerate(items):
        facts: dict = {}
        try:
            facts["bytes"] = os.path.getsize(path)
            if facts["bytes"] == 0:
                raise FileRejected("file_empty", "the file has 0 bytes")
            read_in = "utf-8"
            if path.lower().endswith(".parquet"):
                header = _parquet_header(con, path)
            else:
                header, read_in = _csv_header(path, encoding)
            header = [h or f"column{p + 1}" for p, h in enumerate(header)]
            facts["header"] = header
            positions, extras = _map_header(entity, header)
            staged.append(StagedFile(idx, rel, day, header, positions, extras, read_in))
            paths[idx] = path
        except FileRejected as e:
            rejected.append((day, RejectedFile(rel, e.reason, e.detail)))
            info[rel] = {**facts, "rows": estimate_rows(path) if facts.get("bytes") else 0}
        except OSError as e:
            rejected.append((day, RejectedFile(rel, "file_unreadable", f"cannot read the file: {e}")))
            info[rel] = facts
    return staged, paths, rejected, info
