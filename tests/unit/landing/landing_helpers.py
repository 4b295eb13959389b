"""Helpers for the landing tests: write export files, load a day, read rows."""

from __future__ import annotations

import gzip
from pathlib import Path

from customer360.landing import LoadResult, load_export_day
from customer360.landing.files import discover


def write(landing: Path, relpath: str, text: str | bytes) -> Path:
    """Write an export file; '.gz' files are gzipped, text is dedented line by line."""
    path = landing / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text if isinstance(text, bytes) else "\n".join(ln.strip() for ln in text.strip().splitlines()) + "\n"
    data = data.encode() if isinstance(data, str) else data
    if relpath.endswith(".gz"):
        data = gzip.compress(data)
    path.write_bytes(data)
    return path


def load(con, landing: Path, table: str, export_date: str) -> LoadResult:
    files = discover(landing, [export_date]).for_table(table, export_date)
    return load_export_day(con, table, export_date, files, landing)


def rows(con, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()
