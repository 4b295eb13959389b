"""Which export files a partition covers.

Layout: ``LANDING_DIR/<source>/<entity>/<YYYY-MM-DD>[anything].{csv,csv.gz,parquet}``.

Everything here except :func:`scan_landing` (which lists a folder) is a pure function over relative
paths, so the decisions (what is an export file, which day it belongs to, what is unknown) are easy to
test. Nothing is silently dropped: a path is either an export of a known entity, an export of an
unknown source/entity (reported so ingest can quarantine it), or unrecognised (reported as such).
Hidden files (a leading dot in any part, e.g. ``.DS_Store`` or a ``.part`` upload) are skipped.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from customer360.landing.contract import BY_TABLE, EXPORT_SUFFIXES, SOURCES, ExportFile

_DATE_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})")


@dataclass(frozen=True)
class UnknownExport:
    """An export-shaped file whose source or entity the contract does not know."""

    file: ExportFile
    reason: str  # "unknown_source" | "unknown_entity"


@dataclass(frozen=True)
class Discovery:
    files: tuple[ExportFile, ...] = ()  # exports of contract entities, sorted
    unknown: tuple[UnknownExport, ...] = ()  # export-shaped, but source/entity not in the contract
    unrecognised: tuple[str, ...] = ()  # relative paths that are not export files at all

    def by_table(self) -> dict[str, dict[str, list[ExportFile]]]:
        """{raw table: {export date: [files]}} for the known exports."""
        out: dict[str, dict[str, list[ExportFile]]] = {}
        for f in self.files:
            out.setdefault(f"{f.source}__{f.entity}", {}).setdefault(f.export_date, []).append(f)
        return out

    def for_table(self, table: str, export_date: str) -> list[ExportFile]:
        return [f for f in self.files if f"{f.source}__{f.entity}" == table and f.export_date == export_date]

    @property
    def export_dates(self) -> list[str]:
        return sorted({f.export_date for f in self.files} | {u.file.export_date for u in self.unknown})


def export_suffix(name: str) -> str | None:
    """The export suffix of a file name ('.csv', '.csv.gz', '.parquet'), None if it has none."""
    lower = name.lower()
    # longest first so "x.csv.gz" is not taken for ".gz"-less ".csv"
    for suffix in sorted(EXPORT_SUFFIXES, key=len, reverse=True):
        if lower.endswith(suffix):
            return suffix
    return None


def export_date_of(name: str) -> str | None:
    """The export date a file name starts with ('2025-03-01_part1.csv' -> '2025-03-01'), if valid."""
    m = _DATE_PREFIX.match(name)
    if not m:
        return None
    try:
        dt.date.fromisoformat(m.group(1))
    except ValueError:  # 2025-02-30
        return None
    return m.group(1)


def parse_export_path(relpath: str, landing_dir: str | os.PathLike = "") -> ExportFile | None:
    """An ExportFile for ``<source>/<entity>/<YYYY-MM-DD>*.<ext>``, None for anything else.

    Whether the source/entity is in the contract is not decided here (see :func:`classify_paths`).
    """
    parts = Path(relpath).parts
    if len(parts) != 3:
        return None
    source, entity, name = parts
    if export_suffix(name) is None:
        return None
    export_date = export_date_of(name)
    if export_date is None:
        return None
    rel = "/".join(parts)
    return ExportFile(
        source=source, entity=entity, export_date=export_date,
        path=str(Path(landing_dir).absolute() / rel) if landing_dir else rel, relpath=rel,
    )


def _hidden(relpath: str) -> bool:
    return any(p.startswith((".", "_")) for p in Path(relpath).parts)


def classify_paths(
    relpaths: Iterable[str],
    landing_dir: str | os.PathLike = "",
    export_dates: Iterable[str] | None = None,
) -> Discovery:
    """Sort relative paths into known exports, unknown exports and unrecognised files.

    ``export_dates`` (YYYY-MM-DD strings) limits the known and unknown exports to those days; None
    keeps every day. Unrecognised paths have no export date and are always returned. Paths with a
    part starting with '.' or '_' (hidden files, ``_SUCCESS`` markers, partial uploads) are skipped.
    """
    wanted = None if export_dates is None else set(export_dates)
    files: list[ExportFile] = []
    unknown: list[UnknownExport] = []
    unrecognised: list[str] = []
    for relpath in relpaths:
        if _hidden(relpath):
            continue
        f = parse_export_path(relpath, landing_dir)
        if f is None:
            unrecognised.append(relpath)
            continue
        if wanted is not None and f.export_date not in wanted:
            continue
        if f.source not in SOURCES:
            unknown.append(UnknownExport(f, "unknown_source"))
        elif f"{f.source}__{f.entity}" not in BY_TABLE:
            unknown.append(UnknownExport(f, "unknown_entity"))
        else:
            files.append(f)
    key = lambda f: (f.source, f.entity, f.export_date, f.relpath)
    return Discovery(
        files=tuple(sorted(files, key=key)),
        unknown=tuple(sorted(unknown, key=lambda u: key(u.file))),
        unrecognised=tuple(sorted(unrecognised)),
    )


def earliest_export_date(relpaths: Iterable[str]) -> str | None:
    """The earliest export date among export-shaped paths (known or unknown source), None if none."""
    dates = classify_paths(relpaths).export_dates
    return dates[0] if dates else None


def dates_between(start: str, end: str) -> list[str]:
    """Every day from start to end inclusive, as YYYY-MM-DD (a partition range's export dates)."""
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    return [(first + dt.timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]


def scan_landing(landing_dir: str | os.PathLike, max_depth: int = 3) -> list[str]:
    """Relative paths ('/'-separated) of every file up to ``max_depth`` folders deep; [] if missing.

    Deeper files are listed too (as their relative path) so they show up as unrecognised rather than
    vanish; the walk does not descend further than ``max_depth + 1`` levels.
    """
    root = Path(landing_dir)
    if not root.is_dir():
        return []
    out: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = Path(dirpath).relative_to(root)
        depth = 0 if rel_dir == Path(".") else len(rel_dir.parts)
        if depth > max_depth:  # list what is here (it will be unrecognised), go no deeper
            dirnames[:] = []
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        out.extend((rel_dir / name).as_posix() for name in sorted(filenames))
    return out


def discover(landing_dir: str | os.PathLike, export_dates: Iterable[str] | None = None) -> Discovery:
    """Scan the landing folder and classify what is there (see :func:`classify_paths`)."""
    return classify_paths(scan_landing(landing_dir), landing_dir, export_dates)


def earliest_export_date_in(landing_dir: str | os.PathLike) -> str | None:
    """The earliest export date present in a landing folder, None if it is missing or has no exports."""
    return earliest_export_date(scan_landing(landing_dir))
