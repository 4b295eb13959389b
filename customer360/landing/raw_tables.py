"""Schema raw: one table per entity of the landing contract, plus raw.quarantine."""

from __future__ import annotations

import duckdb

from customer360.landing.contract import (
    ENTITIES,
    QUARANTINE_COLUMNS,
    RAW_METADATA_COLUMNS,
    quarantine_ddl,
    raw_table_ddl,
    unknown_exports_ddl,
)

RAW_SCHEMA = "raw"


def ensure_raw_tables(con: duckdb.DuckDBPyConnection, schema: str = RAW_SCHEMA) -> None:
    """Create schema raw, every raw table of the contract, raw.quarantine and raw.unknown_exports if missing.

    A table created by an older contract gets the contract's new columns added (nullable), so a
    missing source gives an empty table and a grown contract never breaks an existing warehouse.
    """
    con.execute(f"create schema if not exists {schema}")
    existing: dict[str, set[str]] = {}
    for table, column in con.execute(
        "select table_name, column_name from information_schema.columns "
        "where table_schema = ? and table_catalog = current_database()",
        [schema],
    ).fetchall():
        existing.setdefault(table, set()).add(column)
    for entity in ENTITIES:
        con.execute(raw_table_ddl(entity, schema))
        wanted = [(c.name, c.type) for c in entity.columns] + list(RAW_METADATA_COLUMNS)
        _add_missing_columns(con, schema, entity.table, wanted, existing.get(entity.table))
    con.execute(quarantine_ddl(schema))
    _add_missing_columns(con, schema, "quarantine", list(QUARANTINE_COLUMNS), existing.get("quarantine"))
    con.execute(unknown_exports_ddl(schema))


def _add_missing_columns(con, schema, table, wanted, have: set[str] | None) -> None:
    if have is None:  # just created from the DDL
        return
    for name, type_ in wanted:
        if name not in have:
            con.execute(f'alter table {schema}.{table} add column "{name}" {type_}')
