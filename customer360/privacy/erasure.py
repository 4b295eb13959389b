"""Erasure reaches everything the project writes, in the run that receives the request.

dbt decides who is erased (int_identity__erasure_requests -> int_identity__erasures ->
int_identity__erased_identifiers: the whole cluster of a person named by a request, or by an identifier
erased before) and where they are (int_privacy__erased_raw_rows, int_privacy__erased_quarantine_rows:
addresses only). After dbt, ``apply_erasures``:

1. records every erased identifier in ``audit.erasure_ledger`` as its type and sha256, never the value,
   so it is erased again wherever it shows up later (a replayed export, a late file);
2. deletes the person's rows from raw, keeping each row's address (table, file, line, export day) in
   ``audit.erased_rows``: loaded + quarantined + erased = landed, still;
3. redacts the payload and detail of the quarantine rows naming them (file, line, reason stay);
4. deletes every row of every table of staging, intermediate and marts holding one of their identifiers
   or their customer id (incremental tables, golden records, the erasure tables themselves);
5. lists the landing files holding their rows (``audit.erased_landing_files``) and, with
   C360_ERASE_LANDING=1, rewrites those files without them;
6. copies the warehouse into a fresh file and swaps it in: DuckDB leaves deleted rows' bytes in the
   file until their blocks are reused, and an erased value must not be readable in it.

Figures it returns are counts: nothing here may put an identifier in a log or in Dagster's storage.
docs/privacy.md says what is kept, where and why.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from customer360.privacy.landing_files import rewrite_without_rows
from customer360.settings import Settings
from customer360.sql import identifier as _ident
from customer360.sql import literal as _lit
from customer360.warehouse import connect

AUDIT = "audit"
REDACTED_PAYLOAD = '{"redacted": "erasure"}'
REDACTED_DETAIL = "redacted: the row named a person who asked to be erased (docs/privacy.md)"
DERIVED_SCHEMAS = ("staging", "intermediate", "marts")
KEEP = ("int_privacy__erased_raw_rows", "int_privacy__erased_quarantine_rows")  # addresses, no identifier

DDL = (
    f"create schema if not exists {AUDIT}",
    f"""create table if not exists {AUDIT}.erasure_ledger (
        identifier_type varchar, identifier_hash varchar, erased_at timestamp, run_id varchar)""",
    f"""create table if not exists {AUDIT}.erased_rows (
        raw_table varchar, source_file varchar, line_number bigint, export_date date,
        erased_at timestamp, run_id varchar)""",
    f"""create table if not exists {AUDIT}.erased_landing_files (
        source_file varchar, rows_erased bigint, whole_file boolean, rewritten boolean,
        erased_at timestamp, run_id varchar)""",
)


def ensure_privacy_tables(con: duckdb.DuckDBPyConnection) -> None:
    """The audit tables of erasure, empty when new (dbt reads the ledger as a source)."""
    for statement in DDL:
        con.execute(statement)


@dataclass
class LandingFile:
    source_file: str  # relative to the landing folder
    lines: list[int] = field(default_factory=list)  # data lines naming an erased person
    whole_file: bool = False  # a file rejected whole (its lines unknown) named them
    rewritten: bool = False


@dataclass
class ErasureResult:
    identifiers_new: int = 0  # identifiers erased for the first time (new ledger rows)
    customers: int = 0  # customers erased in this build (int_identity__erasures)
    raw_rows: dict[str, int] = field(default_factory=dict)  # raw table -> rows deleted
    quarantine_rows: int = 0  # quarantine rows redacted
    derived_rows: dict[str, int] = field(default_factory=dict)  # schema.table -> rows deleted
    landing_files: list[LandingFile] = field(default_factory=list)
    compact_seconds: float | None = None  # None: the warehouse was not rewritten

    @property
    def changed(self) -> bool:
        return bool(self.identifiers_new or self.raw_rows or self.quarantine_rows or self.derived_rows)


def _exists(con, schema: str, table: str) -> bool:
    return con.execute("select count(*) from information_schema.tables where table_schema = ? and table_name = ? "
                       "and table_catalog = current_database()", [schema, table]).fetchone()[0] > 0


def scrub(con: duckdb.DuckDBPyConnection, run_id: str, erased_at: dt.datetime) -> ErasureResult:
    """Steps 1-4 and the landing listing, in one transaction (all or nothing)."""
    result = ErasureResult()
    ensure_privacy_tables(con)
    if not all(_exists(con, "intermediate", t) for t in (
            "int_identity__erased_identifiers", "int_identity__erasures", *KEEP)):
        return result  # dbt has not built them: nothing is known to be erased
    at = _lit(erased_at.isoformat(sep=" "))
    run = _lit(run_id)
    con.execute("""create or replace temp table _c360_erased as
        select distinct identifier_type, identifier_value from intermediate.int_identity__erased_identifiers
        where identifier_value is not null""")
    con.execute("""create or replace temp table _c360_erased_values as
        select identifier_value as value from _c360_erased
        -- the matcher names a record by '<type>:<value>' (int_identity__person_records.record_id)
        union select identifier_type || ':' || identifier_value from _c360_erased
        union select customer_id from intermediate.int_identity__erasures where customer_id is not null""")
    (values,) = con.execute("select count(*) from _c360_erased_values").fetchone()
    (raw_rows,) = con.execute("select count(*) from intermediate.int_privacy__erased_raw_rows").fetchone()
    (quarantined,) = con.execute("select count(*) from intermediate.int_privacy__erased_quarantine_rows").fetchone()
    if not (values or raw_rows or quarantined):
        return result
    con.begin()
    try:
        # 1. the ledger: type and hash, never the value
        result.identifiers_new = con.execute(f"""
            insert into {AUDIT}.erasure_ledger
            select distinct identifier_type, sha256(identifier_value), timestamp {at}, {run}
            from _c360_erased as erased
            where not exists (select 1 from {AUDIT}.erasure_ledger as ledger
                              where ledger.identifier_type = erased.identifier_type
                                and ledger.identifier_hash = sha256(erased.identifier_value))
        """).fetchone()[0]
        (result.customers,) = con.execute("select count(*) from intermediate.int_identity__erasures").fetchone()

        # 2. raw rows out, their addresses kept
        tables = [t for (t,) in con.execute(
            "select distinct raw_table from intermediate.int_privacy__erased_raw_rows order by 1").fetchall()]
        for table in tables:
            where = f"raw_table = {_lit(table)}"
            con.execute(f"""
                insert into {AUDIT}.erased_rows
                select raw_table, source_file, line_number, export_date, timestamp {at}, {run}
                from intermediate.int_privacy__erased_raw_rows as erased
                where {where} and not exists (
                    select 1 from {AUDIT}.erased_rows as kept
                    where kept.raw_table = erased.raw_table and kept.source_file = erased.source_file
                      and kept.line_number = erased.line_number)
            """)
            (deleted,) = con.execute(f"""
                delete from raw.{_ident(table)} as raw_rows
                using intermediate.int_privacy__erased_raw_rows as erased
                where erased.{where} and raw_rows._source_file = erased.source_file
                  and raw_rows._line_number = erased.line_number
            """).fetchone()
            if deleted:
                result.raw_rows[table] = int(deleted)
        erased_lines = con.execute(f"""
            select source_file, line_number from {AUDIT}.erased_rows where run_id = {run}
            union
            select source_file, line_number from intermediate.int_privacy__erased_raw_rows
        """).fetchall()

        # 3. quarantine: the row as it arrived is redacted, where and why it was quarantined stays
        quarantine_lines = con.execute(f"""
            select erased.source_file, erased.line_number
            from intermediate.int_privacy__erased_quarantine_rows as erased
            where exists (select 1 from raw.quarantine as q
                          where q.source_file = erased.source_file and q.line_number is not distinct from
                                erased.line_number and q.reason = erased.reason
                            and q.payload is distinct from {_lit(REDACTED_PAYLOAD)})
        """).fetchall()
        (result.quarantine_rows,) = con.execute(f"""
            update raw.quarantine as q
            set payload = {_lit(REDACTED_PAYLOAD)}, detail = {_lit(REDACTED_DETAIL)}
            from intermediate.int_privacy__erased_quarantine_rows as erased
            where q.source_file = erased.source_file and q.line_number is not distinct from erased.line_number
              and q.reason = erased.reason and q.payload is distinct from {_lit(REDACTED_PAYLOAD)}
        """).fetchone()

        # 4. every derived table: a row holding an erased identifier or customer id goes
        for schema, table, columns in _derived_tables(con):
            holds = " or ".join(f"{_ident(c)} in (select value from _c360_erased_values)" for c in columns)
            (deleted,) = con.execute(f"delete from {schema}.{_ident(table)} where {holds}").fetchone()
            if deleted:
                result.derived_rows[f"{schema}.{table}"] = int(deleted)

        # 5. the landing files holding their rows
        files: dict[str, LandingFile] = {}
        for source_file, line in [*erased_lines, *quarantine_lines]:
            entry = files.setdefault(source_file, LandingFile(source_file))
            if line is None:
                entry.whole_file = True
            elif line not in entry.lines:
                entry.lines.append(int(line))
        result.landing_files = [files[k] for k in sorted(files)]
        con.commit()
    except BaseException:
        con.rollback()
        raise
    finally:
        con.execute("drop table if exists _c360_erased")
        con.execute("drop table if exists _c360_erased_values")
    return result


def _derived_tables(con) -> list[tuple[str, str, list[str]]]:
    """(schema, table, varchar columns) of every base table of staging, intermediate and marts."""
    rows = con.execute(f"""
        select c.table_schema, c.table_name, list(c.column_name order by c.ordinal_position)
        from information_schema.columns as c
        join information_schema.tables as t
          on t.table_catalog = c.table_catalog and t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_catalog = current_database() and t.table_type = 'BASE TABLE'
          and c.table_schema in ({", ".join(_lit(s) for s in DERIVED_SCHEMAS)})
          and c.data_type = 'VARCHAR'
          and c.table_name not in ({", ".join(_lit(t) for t in KEEP)})
        group by 1, 2 order by 1, 2
    """).fetchall()
    return [(s, t, list(cols)) for s, t, cols in rows]


def compact(path: Path, settings: Settings) -> float:
    """Copy the database into a fresh file and swap it in (atomic rename): the bytes of deleted rows
    stay in a DuckDB file until reused, so this is what makes an erasure final. Returns seconds."""
    started = time.monotonic()
    path = Path(path)
    work = path.parent / f".{path.name}.compact"
    work.mkdir(exist_ok=True)
    fresh = work / path.name  # the same file name: the same catalog name, so views keep resolving
    for leftover in (fresh, fresh.with_name(fresh.name + ".wal")):
        leftover.unlink(missing_ok=True)
    con = duckdb.connect(str(fresh), config={"memory_limit": settings.duckdb_memory_limit,
                                              "threads": settings.duckdb_threads})
    try:
        con.execute(f"attach {_lit(str(path))} as c360_old (read_only)")
        catalog = con.execute("select current_database()").fetchone()[0]
        con.execute(f"copy from database c360_old to {_ident(catalog)}")
        con.execute("detach c360_old")
        con.execute("checkpoint")
    finally:
        con.close()
    with open(fresh, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(fresh, path)
    for leftover in work.iterdir():
        leftover.unlink()
    work.rmdir()
    return round(time.monotonic() - started, 2)


def apply_erasures(settings: Settings, run_id: str, now: dt.datetime | None = None) -> ErasureResult:
    """Everything above, on the warehouse of ``settings``; the landing folder rewritten when
    C360_ERASE_LANDING=1. Safe to run on every build: with nobody to erase it only reads three tables."""
    erased_at = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with connect(settings) as con:
        result = scrub(con, run_id, erased_at)
        if result.landing_files and settings.erase_landing:
            for entry in result.landing_files:
                if entry.lines and not entry.whole_file:
                    source = entry.source_file.split("/", 1)[0]
                    entry.rewritten = rewrite_without_rows(
                        settings.landing_dir / entry.source_file, set(entry.lines), settings.encoding_of(source)) > 0
        if result.landing_files:
            con.executemany(
                f"insert into {AUDIT}.erased_landing_files values (?, ?, ?, ?, ?, ?)",
                [[f.source_file, len(f.lines), f.whole_file, f.rewritten, erased_at, run_id]
                 for f in result.landing_files])
        con.execute("checkpoint")
    if result.changed:
        result.compact_seconds = compact(settings.warehouse_path, settings)
    return result


def last_erasure_at(con: duckdb.DuckDBPyConnection) -> dt.datetime | None:
    """When an identifier was last erased for the first time (None: never)."""
    if not _exists(con, AUDIT, "erasure_ledger"):
        return None
    return con.execute(f"select max(erased_at) from {AUDIT}.erasure_ledger").fetchone()[0]
