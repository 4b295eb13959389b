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

import datetime as dt
import math
import os
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import great_expectations as gx
import great_expectations.expectations as gxe
import pandas as pd
from great_expectations.core.run_identifier import RunIdentifier
from great_expectations.data_context.types.base import ProgressBarsConfig

from orchestration.landing.contract import BIGINT, BOOLEAN, DATE, DOUBLE, TIMESTAMP, Entity
from orchestration.landing.loader import as_entity

BLOCKING, WARNING = "blocking", "warning"
SEVERITIES = (BLOCKING, WARNING)
DOCS_SITE = "customer360_landing"
# the day's row count must stay within [previous / factor, previous * factor]
ROW_COUNT_CHANGE_FACTOR = 3.0
SAMPLE_SIZE = 5

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


def _meta(severity: str, group: str) -> dict[str, str]:
    return {"severity": severity, "group": group}


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
    """One export day of a raw table as pandas: the contract columns only (bounded: one day)."""
    entity = as_entity(entity)
    cols = ", ".join(f'"{c}"' for c in entity.column_names)
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


class LandingValidator:
    """Validates export days with an ephemeral GX context; optionally renders Data Docs.

    Creating one is cheap once GX is imported (~5 s the first time in a process); share one per
    process (tests: per session).
    """

    def __init__(self, docs_dir: str | os.PathLike | None = None):
        self.context = gx.get_context(mode="ephemeral")
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False)
        self.docs_dir = Path(docs_dir).absolute() if docs_dir else None
        if self.docs_dir:
            self.context.add_data_docs_site(
                site_name=DOCS_SITE,
                site_config={
                    "class_name": "SiteBuilder",
                    "show_how_to_buttons": False,
                    "store_backend": {"class_name": "TupleFilesystemStoreBackend",
                                      "base_directory": str(self.docs_dir)},
                    "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
                },
            )
        self._datasource = self.context.data_sources.add_pandas("raw")

    def _batch_definition(self, table: str):
        try:
            asset = self._datasource.get_asset(table)
        except LookupError:
            asset = self._datasource.add_dataframe_asset(table)
        try:
            return asset.get_batch_definition("export_day")
        except (KeyError, LookupError):
            return asset.add_batch_definition_whole_dataframe("export_day")

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
        suite = self.context.suites.add_or_update(build_suite(entity, previous_count))
        definition = self.context.validation_definitions.add_or_update(
            gx.ValidationDefinition(name=f"raw.{entity.table}", data=self._batch_definition(entity.table), suite=suite)
        )
        actions = []
        if docs and self.docs_dir:
            actions.append(gx.checkpoint.UpdateDataDocsAction(name="docs", site_names=[DOCS_SITE]))
        checkpoint = self.context.checkpoints.add_or_update(
            gx.Checkpoint(
                name=f"raw.{entity.table}",
                validation_definitions=[definition],
                actions=actions,
                result_format={"result_format": "SUMMARY", "partial_unexpected_count": SAMPLE_SIZE},
            )
        )
        run_id = RunIdentifier(run_name=run_name or f"{entity.table}-{export_date}",
                               run_time=dt.datetime.now(dt.UTC))
        outcome = checkpoint.run(batch_parameters={"dataframe": df}, run_id=run_id)
        identifier, result = next(iter(outcome.run_results.items()))
        docs_path = None
        if actions:
            urls = self.context.get_docs_sites_urls(resource_identifier=identifier, site_names=[DOCS_SITE])
            url = urls[0]["site_url"] if urls else None
            docs_path = urllib.parse.unquote(url.removeprefix("file://")) if url else None
        return DayValidation(entity.table, export_date, len(df), result, docs_path)

    def validate_export_day(self, con, entity: Entity | str, export_date: str, *, run_name: str | None = None,
                            docs: bool = True, schema: str = "raw") -> DayValidation:
        """Read one export day from DuckDB and validate it against the previous day's row count."""
        df = read_export_day(con, entity, export_date, schema)
        previous = previous_row_count(con, entity, export_date, schema)
        return self.validate(df, entity, export_date, previous, run_name=run_name, docs=docs)


# ------------------------------------------------------------------------------ result -> check


def _label(result) -> str:
    cfg = result.expectation_config
    kwargs = cfg.kwargs
    target = kwargs.get("column") or ",".join(kwargs.get("column_list") or []) or "table"
    return f"{cfg.type}({target})"


def _plain(value: Any) -> Any:
    """A JSON-friendly version of a sample value."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        try:
            return value.isoformat()
        except ValueError:  # NaT
            return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return str(value)


def _exception_message(info) -> str | None:
    """The message of an expectation that raised (GX nests it per metric sometimes)."""
    if not isinstance(info, dict):
        return None
    if "raised_exception" in info:
        return str(info.get("exception_message")) if info.get("raised_exception") else None
    for value in info.values():
        message = _exception_message(value if isinstance(value, dict) else getattr(value, "__dict__", None))
        if message:
            return message
    return None


def _results_of(result) -> Iterable:
    if hasattr(result, "results"):
        return result.results
    if hasattr(result, "run_results"):  # a CheckpointResult
        return [r for v in result.run_results.values() for r in v.results]
    raise TypeError(f"not a GX validation result: {type(result).__name__}")


def suite_result_to_check(result, severity: str) -> dict[str, Any]:
    """What a Dagster AssetCheckResult needs from a GX validation, for one severity group.

    Only the expectations whose ``meta.severity`` is ``severity`` count. Returns
    ``{"passed": bool, "severity": severity, "metadata": {...}}`` with JSON-friendly metadata:
    evaluated / failed counts, success_percent, failed_expectations (labels like
    ``expect_column_values_to_not_be_null(order_id)``), unexpected_counts and a few sample
    unexpected values per failed expectation, and observed values of table-level expectations.
    """
    if severity not in SEVERITIES:
        raise ValueError(f"severity must be one of {SEVERITIES}, not {severity!r}")
    chosen = [r for r in _results_of(result) if (r.expectation_config.meta or {}).get("severity") == severity]
    failed = [r for r in chosen if not r.success]
    unexpected_counts: dict[str, int] = {}
    samples: dict[str, list] = {}
    observed: dict[str, Any] = {}
    for r in failed:
        label = _label(r)
        res = r.result or {}
        if "unexpected_count" in res:
            unexpected_counts[label] = int(res["unexpected_count"])
            samples[label] = [_plain(v) for v in (res.get("partial_unexpected_list") or [])[:SAMPLE_SIZE]]
        if "observed_value" in res:
            observed[label] = _plain(res["observed_value"])
        error = _exception_message(r.exception_info)
        if error:
            observed[label] = f"error: {error[:200]}"
    evaluated = len(chosen)
    metadata = {
        "evaluated": evaluated,
        "failed": len(failed),
        "success_percent": round(100.0 * (evaluated - len(failed)) / evaluated, 2) if evaluated else 100.0,
        "failed_expectations": [_label(r) for r in failed],
        "unexpected_counts": unexpected_counts,
        "samples": samples,
        "observed": observed,
    }
    return {"passed": not failed, "severity": severity, "metadata": metadata}
