"""Great Expectations suites for the raw landing tables, built in code from the landing contract.

One export day is validated at a time: its rows are read from DuckDB into pandas (GX through
SQLAlchemy on DuckDB does not work) and checked against a suite built from the contract plus a
row-count change expectation against the previous export day. The context is ephemeral (no files
written but the Data Docs we ask for); suites are rebuilt in code on every run.

Severity per expectation group (``meta.severity``):
- blocking: the columns exist, required columns are not null, enum values, key uniqueness, types;
- warning: min/max ranges and the row-count change against the previous export day.

Raw rows have already passed the loader's rules, so a blocking failure here means the loader or the
contract changed under us; the warnings are the distribution signals (a day with half the usual
rows is loaded fine and still worth a look).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import Any

import great_expectations as gx
import great_expectations.expectations as gxe
import pandas as pd

from customer360.landing.contract import BIGINT, BOOLEAN, DATE, DOUBLE, TIMESTAMP, VARCHAR, Entity, sensitive
from customer360.landing.load import as_entity
from customer360.quality.gx_validation import (  # noqa: F401 (re-exported for the landing checks)
    BLOCKING,
    SAMPLE_SIZE,
    SEVERITIES,
    WARNING,
    SuiteValidator,
    expectation_meta,
    suite_result_to_check,
)

DOCS_SITE = "customer360_landing"
# the day's row count must stay within [previous / factor, previous * factor]
ROW_COUNT_CHANGE_FACTOR = 3.0

# dtypes of frames read from DuckDB: numpy ones, or pandas' nullable ones when a column has NULLs
# (GX resolves "Int64Dtype" through getattr(pandas, ...); "Int64" would match nothing)
_DATETIMES = ["datetime64[us]", "datetime64[ns]", "datetime64[ms]", "datetime64[s]"]
TYPE_LISTS: dict[str, list[str]] = {
    TIMESTAMP: _DATETIMES,
    DATE: _DATETIMES,
    BIGINT: ["int64", "Int64Dtype"],
    DOUBLE: ["float64", "Float64Dtype"],
    BOOLEAN: ["bool", "BooleanDtype"],
}


_meta = expectation_meta


def row_count_bounds(previous_row_count: int | None, factor: float = ROW_COUNT_CHANGE_FACTOR) -> tuple[int, int] | None:
    """Accepted row counts for a day given the previous export day's count (None: nothing to compare)."""
    if not previous_row_count:
        return None
    return math.floor(previous_row_count / factor), math.ceil(previous_row_count * factor)


def build_suite(
    entity: Entity | str,
    previous_row_count: int | None = None,
    *,
    row_count_factor: float = ROW_COUNT_CHANGE_FACTOR,
    name: str | None = None,
) -> gx.ExpectationSuite:
    """The expectation suite of one raw table, from the contract (not yet added to a context)."""
    entity = as_entity(entity)
    expectations: list = []  # given to the suite at once: add_expectation() needs an active context
    add = expectations.append
    for c in entity.columns:
        add(gxe.ExpectColumnToExist(column=c.name, meta=_meta(BLOCKING, "columns")))
    for c in entity.columns:
        if c.required:
            add(gxe.ExpectColumnValuesToNotBeNull(column=c.name, meta=_meta(BLOCKING, "required")))
    for c in entity.columns:
        if c.type in TYPE_LISTS:
            add(gxe.ExpectColumnValuesToBeInTypeList(column=c.name, type_list=TYPE_LISTS[c.type],
                                                     meta=_meta(BLOCKING, "types")))
    for c in entity.columns:
        if c.values:
            add(gxe.ExpectColumnValuesToBeInSet(column=c.name, value_set=list(c.values), meta=_meta(BLOCKING, "values")))
    if len(entity.key) == 1:
        add(gxe.ExpectColumnValuesToBeUnique(column=entity.key[0], meta=_meta(BLOCKING, "keys")))
    else:
        add(gxe.ExpectCompoundColumnsToBeUnique(column_list=list(entity.key), meta=_meta(BLOCKING, "keys")))
    for c in entity.columns:
        if c.min is not None or c.max is not None:
            add(gxe.ExpectColumnValuesToBeBetween(column=c.name, min_value=c.min, max_value=c.max,
                                                  meta=_meta(WARNING, "ranges")))
    bounds = row_count_bounds(previous_row_count, row_count_factor)
    if bounds:
        add(gxe.ExpectTableRowCountToBeBetween(
            min_value=bounds[0], max_value=bounds[1],
            meta={**_meta(WARNING, "row_count"), "previous_row_count": previous_row_count},
        ))
    return gx.ExpectationSuite(name=name or f"raw.{entity.table}", expectations=expectations)


# ------------------------------------------------------------------------------------- DuckDB reads


def read_export_day(con, entity: Entity | str, export_date: str, schema: str = "raw") -> pd.DataFrame:
    """One export day of a raw table as pandas: the contract columns only (bounded: one day). Text columns
    naming a person (pii or identifier) are read as the first 16 hex digits of their sha256: the suite
    only counts them (required, unique key), and its samples and Data Docs then hold no identifier."""
    entity = as_entity(entity)
    cols = ", ".join(f'left(sha256("{c.name}"), 16) as "{c.name}"' if sensitive(c) and c.type == VARCHAR
                     else f'"{c.name}"' for c in entity.columns)
    return con.execute(
        f"select {cols} from {schema}.{entity.table} where _export_date = ?", [export_date]
    ).df()


def previous_row_count(con, entity: Entity | str, export_date: str, schema: str = "raw") -> int | None:
    """Rows of the latest export day before ``export_date`` (None if there is none)."""
    entity = as_entity(entity)
    row = con.execute(
        f"""select count(*) from {schema}.{entity.table}
            where _export_date = (select max(_export_date) from {schema}.{entity.table} where _export_date < ?)""",
        [export_date],
    ).fetchone()
    return row[0] or None


# ----------------------------------------------------------------------------------------- validate


@dataclass
class DayValidation:
    entity: str  # raw table name
    export_date: str
    rows: int
    result: Any  # ExpectationSuiteValidationResult
    docs_path: str | None


class LandingValidator(SuiteValidator):
    """Validates export days with an ephemeral GX context; optionally renders Data Docs.

    Creating one is cheap once GX is imported (~5 s the first time in a process); share one per
    process (tests: per session).
    """

    def __init__(self, docs_dir: str | os.PathLike | None = None):
        super().__init__(docs_dir, site_name=DOCS_SITE, source_name="raw")

    def validate(
        self,
        df: pd.DataFrame,
        entity: Entity | str,
        export_date: str,
        previous_count: int | None = None,
        *,
        run_name: str | None = None,
        docs: bool = True,
    ):
        """Run the entity's suite on one day's frame; returns DayValidation (result + docs page path)."""
        entity = as_entity(entity)
        checkpoint = self.prepare(build_suite(entity, previous_count), entity.table, docs_action=docs)
        identifier, result = self.run(checkpoint, df, run_name or f"{entity.table}-{export_date}")
        docs_path = self.docs_path(identifier) if docs else None
        return DayValidation(entity.table, export_date, len(df), result, docs_path)

    def validate_export_day(self, con, entity: Entity | str, export_date: str, *, run_name: str | None = None,
                            docs: bool = True, schema: str = "raw") -> DayValidation:
        """Read one export day from DuckDB and validate it against the previous day's row count."""
        df = read_export_day(con, entity, export_date, schema)
        previous = previous_row_count(con, entity, export_date, schema)
        return self.validate(df, entity, export_date, previous, run_name=run_name, docs=docs)
