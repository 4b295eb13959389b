"""Row counts and order-free checksums of every mart in a warehouse (or serving) file, to prove that a
change left the marts as they were, or that two builds (day by day and at once) agree.

    python -m customer360.serving.checksums data/warehouse.duckdb > before.json
    python -m customer360.serving.checksums data/warehouse.duckdb --compare before.json

A table's checksum is the XOR of a hash per row, so row order does not matter; doubles are rounded
to 6 decimals first (DuckDB's parallel sums differ in the last bits from run to run). Columns that
record when something ran (VOLATILE) are left out. Each column also gets a checksum of its own, so a
difference names the columns that moved.
"""

from __future__ import annotations

import argparse
import json
import sys

import duckdb

# When a run happened, not what it computed: differ between two builds of the same data.
VOLATILE = {"changed_at", "fitted_at", "fit_id", "published_at", "_loaded_at", "built_at"}


def _value_sql(name: str, data_type: str) -> str:
    quoted = f'"{name}"'
    if data_type.upper() in ("DOUBLE", "FLOAT", "REAL") or data_type.upper().startswith("DECIMAL"):
        return f"round(cast({quoted} as double), 6)"
    return quoted


def checksums(path: str, schema: str = "marts") -> dict[str, dict]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = ? order by 1", [schema]
        ).fetchall()]
        out = {}
        for table in tables:
            columns = [(n, t) for n, t in con.execute(
                "select column_name, data_type from information_schema.columns "
                "where table_schema = ? and table_name = ? order by ordinal_position", [schema, table]
            ).fetchall() if n not in VOLATILE]
            values = [_value_sql(n, t) for n, t in columns]
            row = "hash(" + ", ".join(values) + ")" if values else "0"
            per_column = ", ".join(f"bit_xor(hash({v}))" for v in values)
            figures = con.execute(
                f'select count(*), bit_xor({row}){", " + per_column if per_column else ""} from {schema}."{table}"'
            ).fetchone()
            out[table] = {
                "rows": figures[0],
                "checksum": str(figures[1]),
                "columns": {name: str(v) for (name, _), v in zip(columns, figures[2:])},
            }
        return out
    finally:
        con.close()


def compare(before: dict[str, dict], after: dict[str, dict]) -> list[str]:
    """Differences, one line each: marts missing on one side, row counts, columns whose values moved
    (only columns present on both sides are compared; added or dropped columns are listed)."""
    lines = []
    for table in sorted(set(before) | set(after)):
        if table not in after or table not in before:
            lines.append(f"{table}: only {'before' if table in before else 'after'}")
            continue
        b, a = before[table], after[table]
        if b["rows"] != a["rows"]:
            lines.append(f"{table}: rows {b['rows']} -> {a['rows']}")
        common = set(b["columns"]) & set(a["columns"])
        moved = sorted(c for c in common if b["columns"][c] != a["columns"][c])
        if moved:
            lines.append(f"{table}: values differ in {', '.join(moved)}")
        for side, names in (("dropped", set(b["columns"]) - common), ("added", set(a["columns"]) - common)):
            if names:
                lines.append(f"{table}: columns {side}: {', '.join(sorted(names))}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("warehouse")
    parser.add_argument("--schema", default="marts")
    parser.add_argument("--compare", help="a JSON file this command wrote earlier")
    args = parser.parse_args(argv)
    now = checksums(args.warehouse, args.schema)
    if not args.compare:
        print(json.dumps(now, indent=1))
        return 0
    with open(args.compare) as fh:
        differences = compare(json.load(fh), now)
    print("\n".join(differences) or f"{len(now)} marts: equal (rows and checksums of the common columns)")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
