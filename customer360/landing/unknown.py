"""What is in the landing folder but not loaded: export-shaped files of a source or entity the landing
contract does not know get one quarantine row each (their export day's), and every path not loaded
(those, unrecognised names, hidden files and folders) is listed with its reason in raw.unknown_exports,
so nothing arrives unseen."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Sequence

import duckdb

from customer360.landing.contract import SOURCES, entities_of, quarantine_ddl, unknown_exports_ddl
from customer360.landing.files import NOT_LOADED_REASONS, Discovery, not_loaded
from customer360.landing.raw_tables import RAW_SCHEMA
from customer360.sql import literal as _lit

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


def list_unloaded_paths(con: duckdb.DuckDBPyConnection, landing_dir: str | os.PathLike, found: Discovery, *,
                        schema: str = RAW_SCHEMA) -> list[tuple[str, str, str | None]]:
    """Replace raw.unknown_exports with every path of ``found`` (a discovery of the whole landing
    folder) that is not loaded; returns them as (path, reason, export date)."""
    rows = not_loaded(found)
    listed_at = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")
    records = []
    for path, reason, export_date in rows:
        full = os.path.join(landing_dir, path)
        size = os.path.getsize(full) if os.path.isfile(full) else None
        records.append([path, reason, NOT_LOADED_REASONS[reason], export_date, size, listed_at])
    con.execute(f"create schema if not exists {schema}")
    con.execute(unknown_exports_ddl(schema))
    con.begin()
    try:
        con.execute(f"delete from {schema}.unknown_exports")
        if records:
            con.executemany(f"insert into {schema}.unknown_exports values (?, ?, ?, ?, ?, ?)", records)
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return rows
