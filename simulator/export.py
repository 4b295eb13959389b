"""Writes one entity's rows as daily export files: `<out>/<source>/<entity>/<YYYY-MM-DD>.<ext>`.

Rows arrive as columns (numpy arrays, Arrow arrays or Codes/Serial) plus the export day of each row;
they are sorted by export day once and every day's slice is formatted, broken (bad rows) and written.
"""

from __future__ import annotations

import gzip
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from simulator import faults
from simulator.config import RATES, Planted, SimConfig
from simulator.layout import Spec
from simulator.strings import DAY, NULL_TS, Codes, Serial, TimeFormatter

Column = np.ndarray | pa.Array | Codes | Serial
MESS_NAMES = {  # kind -> (odd spelling, junk value)
    "email": ("email_case_whitespace", "junk_email"),
    "phone": ("phone_format", "junk_phone"),
    "card": ("card_format", "store_default_card"),
}


def _take(col: Column, rows) -> Column:
    if isinstance(col, pa.Array):
        if isinstance(rows, slice):
            return col.slice(rows.start, rows.stop - rows.start)
        return col.take(pa.array(rows))
    if isinstance(col, (Codes, Serial)):
        return col.take(rows)
    return col[rows]


def _strings(col: Column) -> pa.Array:
    if isinstance(col, (Codes, Serial)):
        return col.to_arrow()
    if isinstance(col, pa.Array):
        return col.cast(pa.string())
    return pa.array(col, type=pa.string())


def _has_special(arr: pa.Array) -> bool:
    return bool(len(arr)) and bool(
        pc.any(pc.match_substring_regex(arr.cast(pa.string()), '[,"\\n\\r]')).as_py()
    )


def csv_body(table: pa.Table, quote: set[str]) -> bytes:
    """CSV lines of string columns: values quoted only when they hold a comma, quote or line break;
    nulls as empty fields."""
    cols = []
    for name in table.column_names:
        c = (
            table.column(name).combine_chunks()
            if isinstance(table.column(name), pa.ChunkedArray)
            else table.column(name)
        )
        if name in quote and _has_special(c):
            need = pc.match_substring_regex(c, '[,"\\n\\r]')
            quoted = pc.binary_join_element_wise('"', pc.replace_substring(c, '"', '""'), '"', "")
            c = pc.if_else(need, quoted, c)
        cols.append(c)
    if not table.num_rows:
        return b""
    line = pc.binary_join_element_wise(*cols, ",", null_handling="replace", null_replacement="")
    line = pc.binary_join_element_wise(line, "\n", "")
    offsets = np.frombuffer(line.buffers()[1], dtype=np.int32, count=len(line) + 1, offset=line.offset * 4)
    return line.buffers()[2].slice(int(offsets[0]), int(offsets[-1] - offsets[0])).to_pybytes()


# A broken consent or erasure request blocks publish (customer360/landing/quarantine.py): the demo's
# CRM exports them clean, so the demo publishes; the blocking itself is tested with hand-made files.
PRIVACY_INPUTS = ("crm/consents", "crm/erasure_requests")


@dataclass
class FileFault:
    kind: str  # "empty" | "missing_column"
    entity: str
    day: int
    column: str | None = None


class Exporter:
    def __init__(self, cfg: SimConfig, planted: Planted, progress=None):
        self.cfg, self.planted, self.progress = cfg, planted, progress
        self.tf = TimeFormatter()
        self.out = Path(cfg.out)
        self.faults: dict[str, FileFault] = {}
        self._special: dict[int, tuple[pa.Array, bool]] = {}
        self._tracked: dict[int, tuple] = {}
        self._pool = ThreadPoolExecutor(max_workers=1)
        self._pending: deque = deque()
        if cfg.days >= 3:
            # one day's reviews arrive as a 0-byte file (that day's reviews come a day later);
            # one day's order lines lack the required sku column. The privacy inputs (consents, erasure
            # requests) are exported clean: any quarantine of theirs blocks publish by design.
            self.faults["reviews/reviews"] = FileFault("empty", "reviews/reviews", 1)
            self.faults["shop/order_lines"] = FileFault("missing_column", "shop/order_lines", 2, "sku")

    def path(self, spec: Spec, day: int) -> Path:
        return self.out / spec.source / spec.entity / f"{self.cfg.export_date(day)}.{spec.fmt}"

    def status(self, text: str) -> None:
        """What the progress bar says the run is doing."""
        if self.progress is not None:
            self.progress.set_description(text.ljust(30))

    def track(self, vocab: pa.Array, kind: str, n: int, styles: int, junk: int) -> None:
        """Count rows written from a styled identifier vocabulary: non-canonical spellings and junk values.
        Index i is style i // n of value i % n; styles beyond `styles` and value `junk` are junk."""
        self._tracked[id(vocab)] = (vocab, kind, n, styles, junk)

    def _count_mess(self, spec: Spec, cols: dict[str, Column]) -> None:
        for col in cols.values():
            if not isinstance(col, Codes) or id(col.vocab) not in self._tracked:
                continue
            _, kind, n, styles, junk = self._tracked[id(col.vocab)]
            idx = col.idx[col.idx >= 0]
            style, value = idx // n, idx % n
            is_junk = (style >= styles) | (value == junk)
            self.planted.add_mess(MESS_NAMES[kind][0], int(((style > 0) & ~is_junk).sum()), spec.name)
            self.planted.add_mess(MESS_NAMES[kind][1], int(is_junk.sum()), spec.name)

    # ------------------------------------------------------------------ formatting
    def _csv_column(self, kind: str, col: Column) -> pa.Array:
        if kind in ("ts", "lts"):
            return self.tf.timestamps(col, utc=kind == "ts")
        if kind == "date":
            return self.tf.dates(col)
        if kind == "int":
            col = np.asarray(col)
            null = np.isnan(col) if col.dtype.kind == "f" else (col == NULL_TS)
            return pa.array(np.where(null, 0, col).astype(np.int64), mask=null).cast(pa.string())
        if kind == "float":
            col = np.asarray(col, dtype=np.float64)
            return pa.array(np.round(col, 2), from_pandas=True).cast(pa.string())
        if kind == "bool":
            return pa.array(np.asarray(col, dtype=bool)).cast(pa.string())
        return _strings(col)

    def _typed_column(self, kind: str, col: Column) -> pa.Array:
        if kind in ("ts", "lts", "date"):
            col = np.asarray(col, dtype=np.int64)
            null = col == NULL_TS
            typ = pa.timestamp("us", tz="UTC") if kind == "ts" else pa.timestamp("us")
            if kind == "date":
                return pa.array(np.where(null, 0, col // DAY).astype(np.int32), pa.date32(), mask=null)
            return pa.array(np.where(null, 0, col) * 1_000_000, typ, mask=null)
        if kind == "int":
            col = np.asarray(col)
            null = np.isnan(col) if col.dtype.kind == "f" else (col == NULL_TS)
            return pa.array(np.where(null, 0, col).astype(np.int64), mask=null)
        if kind == "float":
            return pa.array(np.round(np.asarray(col, dtype=np.float64), 2), from_pandas=True)
        if kind == "bool":
            return pa.array(np.asarray(col, dtype=bool))
        return _strings(col)

    # ------------------------------------------------------------------ writing
    @staticmethod
    def _write_file(path: Path, fmt: str, table: pa.Table, quote: set[str]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "parquet":
            pq.write_table(table, path, compression="zstd")
            return
        data = (",".join(table.column_names) + "\n").encode() + csv_body(table, quote)
        if fmt == "csv.gz":
            data = gzip.compress(data, compresslevel=1, mtime=0)
        path.write_bytes(data)

    def _submit(self, path: Path, fmt: str, table: pa.Table, quote: set[str]) -> None:
        """Serialising, compressing and writing run on a worker thread (Arrow and zlib release the GIL)."""
        while len(self._pending) >= 6:
            self._pending.popleft().result()
        self._pending.append(self._pool.submit(self._write_file, path, fmt, table, quote))

    def close(self) -> None:
        while self._pending:
            self._pending.popleft().result()
        self._pool.shutdown()

    def _may_need_quotes(self, col: Column) -> bool:
        """Whether a column can hold a comma, quote or newline (checked on its vocabulary if it has one)."""
        if isinstance(col, Codes):
            key = id(col.vocab)
            if key not in self._special:
                self._special[key] = (col.vocab, _has_special(col.vocab))
            return self._special[key][1]
        return isinstance(col, pa.Array)

    def write(
        self,
        spec: Spec,
        cols: dict[str, Column],
        day: np.ndarray,
        order: np.ndarray | None = None,
        stream: int = 0,
    ) -> int:
        """Write every export day of one entity; rows whose export day is outside the run are dropped."""
        day = np.asarray(day, dtype=np.int64)
        fault = self.faults.get(spec.name)
        if fault and fault.kind == "empty":
            day = np.where(day == fault.day, fault.day + 1, day)
        keep = (day >= 0) & (day < self.cfg.days)
        keys = (day,) if order is None else (np.asarray(order), day)
        idx = np.flatnonzero(keep)
        idx = idx[np.lexsort(tuple(k[idx] for k in keys))]
        for name in list(cols):  # sorted in place, so the unsorted arrays can be freed
            cols[name] = _take(cols[name], idx)
        self._count_mess(spec, cols)
        day = day[idx]
        bounds = np.searchsorted(day, np.arange(self.cfg.days + 1))
        written = 0
        self.status(f"writing {spec.name}")
        for d in range(self.cfg.days):
            a, b = int(bounds[d]), int(bounds[d + 1])
            path = self.path(spec, d)
            if fault and fault.day == d and fault.kind == "empty":
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(b"")
                self.planted.files["empty_file"] = str(path.relative_to(self.out))
            elif b > a or (fault and fault.day == d):
                written += self._write_day(
                    spec,
                    {k: _take(c, slice(a, b)) for k, c in cols.items()},
                    d,
                    path,
                    stream,
                    fault if fault and fault.day == d else None,
                )
            if self.progress is not None:
                self.progress.update(1)
        self.planted.rows[spec.name] = self.planted.rows.get(spec.name, 0) + written
        return written

    def _write_day(
        self, spec: Spec, cols: dict[str, Column], d: int, path: Path, stream: int, fault: FileFault | None
    ) -> int:
        csv = spec.fmt != "parquet"
        arrays = {
            c.name: (self._csv_column if csv else self._typed_column)(c.kind, cols[c.name])
            for c in spec.columns
        }
        rng = self.cfg.rng(900, stream, d)
        day_end = self.cfg.t0 + (d + 1) * DAY
        n_before = len(next(iter(arrays.values())))
        if fault is None:
            if spec.name not in PRIVACY_INPUTS:
                arrays = faults.inject(spec, arrays, day_end, self.tf, rng, RATES.bad_row, self.planted)
        else:
            del arrays[fault.column]
            self.planted.files["missing_column"] = {
                "file": str(path.relative_to(self.out)),
                "column": fault.column,
                "rows": n_before,
            }
        table = pa.table(arrays)
        quote = {
            c.name for c in spec.columns if c.name in arrays and csv and self._may_need_quotes(cols[c.name])
        }
        self._submit(path, spec.fmt, table, quote)
        return table.num_rows
