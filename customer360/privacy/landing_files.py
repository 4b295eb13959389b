"""Rewrite a landing file without some of its data rows (C360_ERASE_LANDING=1).

The rows are addressed as the loader numbers them (landing/stage.py): the 1-based data record of a CSV
(header 0, blank lines not counted, a quoted newline inside its record), the 1-based row of a Parquet
file. The new file replaces the old one atomically; its mtime changes, so the new_exports sensor replays
its day (the replay loads what is left). A CSV keeps its encoding, compression and values; its quoting
may be normalised by the rewrite.
"""

from __future__ import annotations

import csv
import gzip
import io
import os
from pathlib import Path

import duckdb

from customer360.landing.decode import open_binary, sniff_encoding
from customer360.sql import literal as _lit


def rewrite_without_rows(path: Path, rows: set[int], declared_encoding: str | None = None) -> int:
    """Write ``path`` again without the data rows numbered in ``rows``; returns the rows removed."""
    path = Path(path)
    if not path.is_file() or not rows:
        return 0
    tmp = path.with_name(f".{path.name}.c360-erase.tmp")  # hidden: the loader never takes it for an export
    try:
        removed = (_rewrite_parquet if path.name.lower().endswith(".parquet") else _rewrite_csv)(
            path, tmp, rows, declared_encoding)
        if removed:
            os.replace(tmp, path)
        return removed
    finally:
        tmp.unlink(missing_ok=True)


def _rewrite_parquet(path: Path, tmp: Path, rows: set[int], _encoding) -> int:
    listed = ", ".join(str(int(r)) for r in sorted(rows))
    with duckdb.connect() as con:
        (total,) = con.execute(f"select count(*) from read_parquet({_lit(str(path))})").fetchone()
        con.execute(f"""copy (select * exclude (file_row_number) from read_parquet({_lit(str(path))},
                                   file_row_number = true)
                             where file_row_number + 1 not in ({listed}) order by file_row_number)
                        to {_lit(str(tmp))} (format parquet)""")
        (kept,) = con.execute(f"select count(*) from read_parquet({_lit(str(tmp))})").fetchone()
    return total - kept


def _rewrite_csv(path: Path, tmp: Path, rows: set[int], declared_encoding: str | None) -> int:
    with open_binary(str(path)) as fh:
        encoding = sniff_encoding(fh.read(4), declared_encoding)
    gz = path.name.lower().endswith(".gz")
    errors = "surrogateescape" if encoding in ("utf-8", "utf-8-sig") else "strict"
    csv.field_size_limit(2**31 - 1)
    removed = 0
    with (io.TextIOWrapper(open_binary(str(path)), encoding=encoding, errors=errors, newline="") as source,
          io.TextIOWrapper(gzip.open(tmp, "wb") if gz else open(tmp, "wb"),
                           encoding=encoding, errors=errors, newline="") as target):
        reader = csv.reader(source, strict=False)
        writer = csv.writer(target, lineterminator="\n")
        header = next(reader, None)
        if header is None:
            return 0
        writer.writerow(header)
        line = 0
        for fields in reader:
            if not fields:
                continue
            line += 1
            if line in rows:
                removed += 1
                continue
            writer.writerow(fields)
    return removed
