"""Bad rows: about one row in a hundred is broken in a way the pipeline must quarantine.

Each kind is applied only where the file format can carry it (a typed Parquet column cannot hold
`abc`); every bad row is counted by kind and entity in planted.json.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from simulator.config import Planted
from simulator.layout import MAX_AMOUNT, Spec
from simulator.strings import DAY, TimeFormatter

KINDS = (
    "null_required",
    "unparsable_timestamp",
    "negative_amount",
    "absurd_amount",
    "future_date",
    "wrong_type",
    "unknown_enum",
    "duplicate_key",
)
GARBAGE_TIMES = (
    "not a date",
    "2025-02-30T25:61:00Z",
    "31/31/2025 10:00",
    "yesterday",
    "0000-00-00T00:00:00Z",
    "2025-13-01T09:00:00Z",
    "TBC",
)
GARBAGE_NUMBERS = ("abc", "n/a", "twelve", "#VALUE!", "1O")
UNKNOWN_VALUES = {
    "status": ("refunded", "shipped", "lost"),
    "event_type": ("pageview", "click_v2", "unknown"),
    "channel": ("whatsapp", "fax", "pigeon"),
    "purpose": ("analytics", "all"),
    "platform": ("windows", "web"),
    "reason": ("bonus", "transfer"),
    "device_channel": ("kiosk", "phone"),
}


def candidates(spec: Spec) -> dict[str, list[str]]:
    """For each bad-row kind, the columns of this entity it can break."""
    csv = spec.fmt != "parquet"
    req = [c for c in spec.columns if c.required]
    out = {
        "null_required": [c.name for c in req],
        "unparsable_timestamp": [c.name for c in req if c.kind in ("ts", "lts", "date")] if csv else [],
        "negative_amount": [c.name for c in spec.columns if c.kind == "float" and c.min == 0.0],
        "absurd_amount": [c.name for c in spec.columns if c.max is not None and c.max >= MAX_AMOUNT],
        "future_date": [spec.event_time] if spec.event_time else [],
        "wrong_type": [c.name for c in req if c.kind in ("int", "float", "bool")] if csv else [],
        "unknown_enum": [c.name for c in spec.columns if c.values],
        "duplicate_key": list(spec.key),
    }
    return {k: v for k, v in out.items() if v}


def _pick(pool: tuple[str, ...], k: int, rng) -> pa.Array:
    return pa.array(pool, pa.string()).take(pa.array(rng.integers(0, len(pool), k)))


def _dup_variant(spec: Spec, col: str, arr: pa.Array, rng) -> pa.Array:
    """The duplicate row differs from its twin in one non-key column, so it is a real conflict."""
    c = spec.col(col)
    if c.values:
        return _pick(c.values, len(arr), rng)
    if pa.types.is_boolean(arr.type):
        return pc.invert(arr)
    return arr


def inject(
    spec: Spec, cols: dict[str, pa.Array], day_end: int, tf: TimeFormatter, rng, rate: float, planted: Planted
) -> dict[str, pa.Array]:
    """Break about `rate` of the rows of one export file; returns the (possibly longer) columns."""
    n = len(next(iter(cols.values())))
    m = int(rng.binomial(n, rate)) if n else 0
    if not m:
        return cols
    kinds = candidates(spec)
    names = list(kinds)
    rows = rng.choice(n, size=m, replace=False)
    kind_of = rng.integers(0, len(names), m)
    csv = spec.fmt != "parquet"
    out = dict(cols)
    dup_rows, free = None, []
    changes: dict[str, list[tuple[np.ndarray, pa.Array]]] = {}
    for k, kind in enumerate(names):
        sel = np.sort(rows[kind_of == k])
        if not len(sel):
            continue
        planted.add_bad(spec.name, kind, len(sel))
        if kind == "duplicate_key":
            dup_rows = sel
            continue
        col_choice = np.array(kinds[kind])[rng.integers(0, len(kinds[kind]), len(sel))]
        for col in np.unique(col_choice):
            r = sel[col_choice == col]
            arr, c = out[col], spec.col(col)
            if kind == "null_required":
                vals = pa.nulls(len(r), arr.type)
            elif kind == "unparsable_timestamp":
                vals = _pick(GARBAGE_TIMES, len(r), rng)
            elif kind == "wrong_type":
                vals = _pick(GARBAGE_NUMBERS, len(r), rng)
            elif kind == "unknown_enum":
                vals = _pick(UNKNOWN_VALUES.get(col, ("unknown",)), len(r), rng)
            elif kind in ("negative_amount", "absurd_amount"):
                if kind == "negative_amount":
                    x = -np.round(rng.uniform(0.5, 500.0, len(r)), 2)
                else:
                    x = np.round(rng.uniform(2.0, 60.0, len(r)) * max(c.max, MAX_AMOUNT), 2)
                if c.kind == "int":
                    x = np.trunc(x).astype(np.int64)
                vals = pa.array(x).cast(pa.string()) if csv else pa.array(x).cast(arr.type)
            else:  # future_date: several days after the export date
                secs = day_end + rng.integers(3 * DAY, 10 * DAY, len(r))
                if csv:
                    vals = tf.timestamps(secs, utc=c.kind != "lts") if c.kind != "date" else tf.dates(secs)
                else:
                    vals = pa.array(secs * 1_000_000).cast(pa.timestamp("us")).cast(arr.type)
            vals = vals if isinstance(vals, pa.Array) else pa.array(vals, type=arr.type)
            changes.setdefault(str(col), []).append((r, vals.cast(arr.type)))
    if dup_rows is not None:
        free = [c.name for c in spec.columns if c.name not in spec.key and (c.values or c.kind == "bool")]
        if free:
            changes.setdefault(free[0], [])
    # one take per changed column: positions of replaced values point past the end of the column,
    # at the replacement values; planted duplicates are copies appended at the end of the file
    n_dup = 0 if dup_rows is None else len(dup_rows)
    for col in list(out):
        parts = changes.get(col, [])
        if not parts and not n_dup:
            continue
        arr = out[col]
        if not parts and not (free and col == free[0]):  # untouched: just append the copies
            out[col] = pa.concat_arrays([arr, arr.take(pa.array(dup_rows))])
            continue
        idx = np.arange(n + n_dup)
        extra, offset = [], n
        for r, vals in parts:
            idx[r] = offset + np.arange(len(r))
            extra.append(vals)
            offset += len(r)
        if n_dup:
            idx[n:] = idx[dup_rows]
            if free and col == free[0]:
                extra.append(_dup_variant(spec, col, arr.take(pa.array(dup_rows)), rng))
                idx[n:] = offset + np.arange(n_dup)
        out[col] = pa.concat_arrays([arr, *extra]).take(pa.array(idx)) if extra else arr.take(pa.array(idx))
    return out
