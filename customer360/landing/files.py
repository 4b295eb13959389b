"""Which export files a partition covers.

Layout: ``LANDING_DIR/<source>/<entity>/<YYYY-MM-DD>[anything].{csv,csv.gz,parquet}``.

Everything here except :func:`scan_landing` (which lists a folder) is a pure function over relative
paths, so the decisions (what is an export file, which day it belongs to, what is unknown) are easy to
test. Nothing is silently dropped: a path is either an export of a known entity, an export of an
unknown source/entity (quarantined by ingest), unrecognised, or hidden (a leading dot or underscore
in any part: ``.DS_Store``, a ``.part`` upload, a ``_SUCCESS`` marker); every path not loaded is listed
with its reason (:func:`not_loaded`) in ``raw.unknown_exports``, and a warning check counts them.
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
    hidden: tuple[str, ...] = ()  # hidden files and folders ('folder/'), markers: listed, never loaded

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


# Why a path of the landing folder is not loaded (raw.unknown_exports.reason)
NOT_LOADED_REASONS = {
    "hidden": "hidden file or folder, or a marker (a part starts with '.' or '_'): never loaded",
    "wrong_depth": "not at <source>/<entity>/<file>",
    "not_an_export_name": "the file name does not start with a valid export date YYYY-MM-DD",
    "not_an_export_suffix": "not a .csv, .csv.gz or .parquet file",
    "unknown_source": "the source is not in the landing contract",
    "unknown_entity": "the entity is not in the landing contract",
}


def unrecognised_reason(relpath: str) -> str:
    """Why a path is not an export file (one of NOT_LOADED_REASONS)."""
    if _hidden(relpath.rstrip("/")):
        return "hidden"
    parts = Path(relpath).parts
    if len(parts) != 3:
        return "wrong_depth"
    if export_suffix(parts[2]) is None:
        return "not_an_export_suffix"
    return "not_an_export_name"


def not_loaded(found: Discovery) -> list[tuple[str, str, str | None]]:
    """Every path the discovery will not load: (relative path, reason, export date or None), sorted."""
    rows = [(u.file.relpath, u.reason, u.file.export_date) for u in found.unknown]
    rows += [(p, unrecognised_reason(p), None) for p in (*found.unrecognised, *found.hidden)]
    return sorted(rows)


def classify_paths(
    relpaths: Iterable[str],
    landing_dir: str | os.PathLike = "",
    export_dates: Iterable[str] | None = None,
) -> Discovery:
    """Sort relative paths into known exports, unknown exports and unrecognised files.

    ``export_dates`` (YYYY-MM-DD strings) limits the known and unknown exports to those days; None
    keeps every day. Unrecognised paths have no export date and are always returned. Paths with a
    part starting with '.' or '_' (hidden files, ``_SUCCESS`` markers, partial uploads) are never
    loaded: they are returned as ``hidden``.
    """
    wanted = None if export_dates is None else set(export_dates)
    files: list[ExportFile] = []
    unknown: list[UnknownExport] = []
    unrecognised: list[str] = []
    hidden: list[str] = []
    for relpath in relpaths:
        if _hidden(relpath.rstrip("/")):
            hidden.append(relpath)
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
        hidden=tuple(sorted(hidden)),
    )


def earliest_export_date(relpaths: Iterable[str]) -> str | None:
    """The earliest export date among export-shaped paths (known or unknown source), None if none."""
    dates = classify_paths(relpaths).export_dates
    return dates[0] if dates else None


def dates_between(start: str, end: str) -> list[str]:
    """Every day from start to end inclusive, as YYYY-MM-DD (a partition range's export dates)."""
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    return [(first + dt.timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]


def scan_landing(landing_dir: str | os.PathLike) -> list[str]:
    """Relative paths ('/'-separated) of every file under the folder, at any depth; [] if missing.

    A hidden folder (a name starting with '.') is listed once as 'its/path/' and not entered; a
    symbolic link to a folder likewise (not followed): nothing under the folder goes unlisted.
    """
    root = Path(landing_dir)
    if not root.is_dir():
        return []
    out: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = Path(dirpath).relative_to(root)
        entered = []
        for name in sorted(dirnames):
            if name.startswith(".") or os.path.islink(os.path.join(dirpath, name)):
                out.append((rel_dir / name).as_posix() + "/")
            else:
                entered.append(name)
        dirnames[:] = entered
        out.extend((rel_dir / name).as_posix() for name in sorted(filenames))
    return out


def discover(landing_dir: str | os.PathLike, export_dates: Iterable[str] | None = None) -> Discovery:
    """Scan the landing folder and classify what is there (see :func:`classify_paths`)."""
    return classify_paths(scan_landing(landing_dir), landing_dir, export_dates)


def earliest_export_date_in(landing_dir: str | os.PathLike) -> str | None:
    """The earliest export date present in a landing folder, None if it is missing or has no exports."""
    return earliest_export_date(scan_landing(landing_dir))
