"""Write-audit-publish of the marts into the read-only serving file BI opens.

Each column is published as its dbt `serving` meta says (customer360/serving/policy.py): contact PII as
salted hashes, system keys readable, birth dates left out; tables and columns carry their dbt docs as
comments; the file is written in a DuckDB storage format that 1.x readers (most BI tools) open.

The new file is built beside the old one and swapped in with an atomic rename, so a BI reader holding
the old file open keeps reading it undisturbed, and a failed build leaves the old file untouched.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from customer360.dbt_artifacts import TableDocs
from customer360.serving.policy import (
    ACTIVATION_HASH,
    ACTIVATION_HASH_PATTERN,
    DROP,
    KEEP,
    SALTED_HASH,
    ColumnRule,
)
from customer360.settings import SERVING_STORAGE_VERSION


def pii_hash(value: str, salt: str) -> str:
    """How a PII value appears in the serving file: hex sha256 of salt + value (DuckDB's sha256(salt || value))."""
    return hashlib.sha256((salt + value).encode()).hexdigest()


@dataclass
class PublishResult:
    serving_path: Path
    tables: dict[str, int]  # table -> rows
    hashed_columns: dict[str, list[str]]  # table -> columns published as salted hashes
    dropped_columns: dict[str, list[str]] = field(default_factory=dict)  # table -> columns left out
    storage_version: str = SERVING_STORAGE_VERSION


def previous_path(serving_path: Path) -> Path:
    return serving_path.with_name(serving_path.stem + ".previous" + serving_path.suffix)


def rollback(serving_path: Path) -> None:
    """Swap the previous published file back in (atomic, like publishing)."""
    previous = previous_path(serving_path)
    if not previous.exists():
        raise FileNotFoundError(f"no previous serving file at {previous}")
    os.replace(previous, serving_path)


_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _quote(name: str) -> str:
    if not _IDENT.match(name):
        raise ValueError(f"unexpected identifier {name!r}")
    return f'"{name}"'


def _column_sql(column: str, rule: ColumnRule | None) -> tuple[str, list[str]]:
    """The select expression publishing one column, and its parameters (the salt)."""
    if rule is None or rule.treatment in (KEEP, ACTIVATION_HASH):
        return _quote(column), []
    hashed = f"sha256(? || cast({_quote(column)} as varchar))"
    if rule.readable_when:
        condition_column, values = rule.readable_when
        readable = ", ".join("'" + v.replace("'", "''") + "'" for v in values)
        return (f"case when {_quote(column)} is null then null "
                f"when {_quote(condition_column)} in ({readable}) then cast({_quote(column)} as varchar) "
                f"else {hashed} end as {_quote(column)}"), ["SALT"]
    return f"case when {_quote(column)} is null then null else {hashed} end as {_quote(column)}", ["SALT"]


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _comment(docs: TableDocs | None, column: str, rule: ColumnRule | None) -> str:
    text = docs.columns.get(column, "") if docs else ""
    note = rule.describe() if rule else ""
    return " ".join(t for t in (text, note) if t)


def publish_marts(
    warehouse_path: Path,
    serving_path: Path,
    rules: Mapping[str, Mapping[str, ColumnRule]] | None = None,
    salt: str = "",
    schema: str = "marts",
    memory_limit: str = "1GB",
    threads: int = 2,
    *,
    storage_version: str = SERVING_STORAGE_VERSION,
    docs: Mapping[str, TableDocs] | None = None,
    pii_columns: Mapping[str, set[str]] | None = None,
) -> PublishResult:
    """Copy every table of `schema` into a fresh serving file, each column as its rule says (salted hash,
    dropped, kept), with the dbt docs as table and column comments, in a storage format `storage_version`
    readers open; then swap it in.

    rules: model -> column -> ColumnRule (customer360.serving.policy.rules_from_meta of the dbt manifest),
    or model -> a set of columns to hash with the salt; pii_columns: the same shorthand by keyword."""
    rules = {t: dict(c) if isinstance(c, Mapping) else {name: ColumnRule(SALTED_HASH) for name in c}
             for t, c in (rules or {}).items()}  # {table: {columns}}: the columns hashed with the salt
    for table, columns in (pii_columns or {}).items():
        for column in columns:
            rules.setdefault(table, {})[column] = ColumnRule(SALTED_HASH)
    if any(r.treatment == SALTED_HASH for columns in rules.values() for r in columns.values()) and not salt:
        raise ValueError("a salt is required to publish salted_hash columns")
    docs = docs or {}
    serving_path = Path(serving_path)
    serving_path.parent.mkdir(parents=True, exist_ok=True)
    staging_file = serving_path.with_name(f".{serving_path.name}.{os.getpid()}.building")
    spill = serving_path.with_name(f".{serving_path.name}.{os.getpid()}.tmp")
    staging_file.unlink(missing_ok=True)

    tables: dict[str, int] = {}
    hashed: dict[str, list[str]] = {}
    dropped: dict[str, list[str]] = {}
    # The new file is attached in the storage format BI readers open (DuckDB 2.0's own is unreadable to
    # 1.x); the warehouse is attached read-only. A copy streams, so it gets a small memory limit:
    # it runs in the Dagster process, beside what that already holds (DuckDB's default, 80% of RAM, took
    # the 1M-person build to 4.4 GB). Row order is no contract, so a table is written in parallel
    # (1M persons: fct_touchpoints 15.2 s -> 12.6 s).
    con = duckdb.connect(config={
        "memory_limit": memory_limit,
        "threads": threads,
        "preserve_insertion_order": False,
        "temp_directory": str(spill),
    })
    try:
        con.execute(f"attach {_literal(str(staging_file))} as serving_build (storage_version {_literal(storage_version)})")
        # the warehouse read-only under its own catalog name (the file's stem, as dbt names it), so a view
        # in its marts that names other relations with that catalog resolves
        wh = '"' + Path(warehouse_path).stem.replace('"', '""') + '"'
        con.execute(f"attach {_literal(str(warehouse_path))} as {wh} (read_only)")
        con.execute(f"create schema serving_build.{schema}")
        names = [r[0] for r in con.execute(
            "select table_name from information_schema.tables "
            "where table_catalog = ? and table_schema = ? order by table_name",
            [Path(warehouse_path).stem, schema],
        ).fetchall()]
        for table in names:
            columns = [r[0] for r in con.execute(
                "select column_name from information_schema.columns "
                "where table_catalog = ? and table_schema = ? and table_name = ? order by ordinal_position",
                [Path(warehouse_path).stem, schema, table],
            ).fetchall()]
            table_rules = rules.get(table, {})
            missing = sorted(c for c, r in table_rules.items() if c not in columns
                             or (r.readable_when and r.readable_when[0] not in columns))
            if missing:
                raise ValueError(f"{schema}.{table}: serving rules name columns it does not have: {missing}")
            _check_activation_hashes(con, f"{wh}.{schema}", table, [c for c, r in table_rules.items()
                                                          if r.treatment == ACTIVATION_HASH])
            selected, params = [], []
            for column in columns:
                rule = table_rules.get(column)
                if rule and rule.treatment == DROP:
                    dropped.setdefault(table, []).append(column)
                    continue
                sql, args = _column_sql(column, rule)
                selected.append(sql)
                params += [salt for _ in args]
                if rule and rule.treatment == SALTED_HASH:
                    hashed.setdefault(table, []).append(column)
            con.execute(
                f"create table serving_build.{schema}.{_quote(table)} as "
                f"select {', '.join(selected)} from {wh}.{schema}.{_quote(table)}",
                params,
            )
            tables[table] = con.execute(f"select count(*) from serving_build.{schema}.{_quote(table)}").fetchone()[0]
            table_docs = docs.get(table)
            if table_docs and table_docs.description:
                con.execute(f"comment on table serving_build.{schema}.{_quote(table)} is {_literal(table_docs.description)}")
            for column in columns:
                rule = table_rules.get(column)
                comment = _comment(table_docs, column, rule)
                if comment and not (rule and rule.treatment == DROP):
                    con.execute(f"comment on column serving_build.{schema}.{_quote(table)}.{_quote(column)} "
                                f"is {_literal(comment)}")
        con.execute(f"detach {wh}")
        con.execute("checkpoint serving_build")
        con.execute("detach serving_build")
    except BaseException:
        con.close()
        staging_file.unlink(missing_ok=True)
        shutil.rmtree(spill, ignore_errors=True)
        raise
    con.close()
    shutil.rmtree(spill, ignore_errors=True)

    with open(staging_file, "rb") as fh:  # durable before it becomes visible
        os.fsync(fh.fileno())
    os.chmod(staging_file, 0o444)  # BI reads; nothing writes a published file
    if serving_path.exists():  # keep the last good file for a one-command rollback (docs/runbook.md)
        previous = previous_path(serving_path)
        keep = previous.with_name(previous.name + ".tmp")
        keep.unlink(missing_ok=True)
        os.link(serving_path, keep)
        os.replace(keep, previous)
    os.replace(staging_file, serving_path)
    return PublishResult(serving_path=serving_path, tables=tables, hashed_columns=hashed,
                         dropped_columns=dropped, storage_version=storage_version)


def _check_activation_hashes(con, schema: str, table: str, columns: list[str]) -> None:
    """An activation hash column holds lower-case hex SHA-256 or NULL, nothing readable: a model that put
    a plain email there would leak it unsalted, so publish refuses."""
    for column in columns:
        (bad,) = con.execute(
            f"select count(*) from {schema}.{_quote(table)} where {_quote(column)} is not null "
            f"and not regexp_full_match({_quote(column)}, ?)", [ACTIVATION_HASH_PATTERN]).fetchone()
        if bad:
            raise ValueError(f"{schema}.{table}.{column}: {bad} value(s) are not a SHA-256 hex digest; not published")
