"""Great Expectations machinery shared by the landing and the mart suites.

- ``SuiteValidator``: an ephemeral GX context (suites built in code, nothing written but the Data Docs
  pages we ask for) with one pandas data source; ``prepare`` registers a suite once, ``run`` validates
  one DataFrame batch against it, ``render_docs`` writes the Data Docs page of a result already run.
- ``suite_result_to_check``: a GX validation result -> what a Dagster AssetCheckResult needs, for one
  severity group (expectations carry ``meta.severity``: blocking or warning).
- ``combine_batches``: the per-batch outcomes of one suite folded into one (counts summed, samples
  from the first failing batches), so a table validated in bounded batches reports like one table.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import urllib.parse
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import great_expectations as gx
import pandas as pd
from great_expectations.core.run_identifier import RunIdentifier
from great_expectations.data_context.types.base import ProgressBarsConfig
from great_expectations.execution_engine import pandas_execution_engine

BLOCKING, WARNING = "blocking", "warning"
SEVERITIES = (BLOCKING, WARNING)
SAMPLE_SIZE = 5
RESULT_FORMAT = {"result_format": "SUMMARY", "partial_unexpected_count": SAMPLE_SIZE}

# GX fingerprints every in-memory batch below HASH_THRESHOLD bytes (pandas' hash of every row, then
# md5) for a batch marker nothing here reads: at 1M persons half of fct_touchpoints' suite, 12 of 25 s.
# 0 skips it for every batch (tests/unit/quality/test_gx_validation.py checks that it still does).
pandas_execution_engine.HASH_THRESHOLD = 0


def expectation_meta(severity: str, group: str, **extra: Any) -> dict[str, Any]:
    """``meta`` of an expectation: its severity (blocking / warning) and the group it belongs to."""
    if severity not in SEVERITIES:
        raise ValueError(f"severity must be one of {SEVERITIES}, not {severity!r}")
    return {"severity": severity, "group": group, **extra}


class SuiteValidator:
    """Validates DataFrames with an ephemeral GX context; optionally renders Data Docs under docs_dir.

    Creating one is cheap once GX is imported (~5 s the first time in a process); share one per
    process and docs folder.
    """

    def __init__(self, docs_dir: str | os.PathLike | None = None, *, site_name: str, source_name: str):
        self.context = gx.get_context(mode="ephemeral")
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False)
        self.site_name = site_name
        self.docs_dir = Path(docs_dir).absolute() if docs_dir else None
        if self.docs_dir:
            self.context.add_data_docs_site(
                site_name=site_name,
                site_config={
                    "class_name": "SiteBuilder",
                    "show_how_to_buttons": False,
                    "store_backend": {"class_name": "TupleFilesystemStoreBackend",
                                      "base_directory": str(self.docs_dir)},
                    "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
                },
            )
        self._datasource = self.context.data_sources.add_pandas(source_name)

    def _batch_definition(self, asset_name: str):
        try:
            asset = self._datasource.get_asset(asset_name)
        except LookupError:
            asset = self._datasource.add_dataframe_asset(asset_name)
        try:
            return asset.get_batch_definition("batch")
        except (KeyError, LookupError):
            return asset.add_batch_definition_whole_dataframe("batch")

    def prepare(self, suite: gx.ExpectationSuite, asset_name: str, *, docs_action: bool = False):
        """Register (or replace) a suite and the checkpoint validating ``asset_name`` against it."""
        suite = self.context.suites.add_or_update(suite)
        definition = self.context.validation_definitions.add_or_update(
            gx.ValidationDefinition(name=suite.name, data=self._batch_definition(asset_name), suite=suite)
        )
        actions = []
        if docs_action and self.docs_dir:
            actions.append(gx.checkpoint.UpdateDataDocsAction(name="docs", site_names=[self.site_name]))
        return self.context.checkpoints.add_or_update(
            gx.Checkpoint(name=suite.name, validation_definitions=[definition], actions=actions,
                          result_format=RESULT_FORMAT)
        )

    def run(self, checkpoint, df: pd.DataFrame, run_name: str):
        """Validate one DataFrame; returns (result identifier, ExpectationSuiteValidationResult)."""
        run_id = RunIdentifier(run_name=run_name, run_time=dt.datetime.now(dt.UTC))
        outcome = checkpoint.run(batch_parameters={"dataframe": df}, run_id=run_id)
        return next(iter(outcome.run_results.items()))

    def docs_path(self, identifier) -> str | None:
        """The local path of the Data Docs page of a validation result (None without a docs folder)."""
        if not self.docs_dir:
            return None
        urls = self.context.get_docs_sites_urls(resource_identifier=identifier, site_names=[self.site_name])
        url = urls[0]["site_url"] if urls else None
        return urllib.parse.unquote(url.removeprefix("file://")) if url else None

    def render_docs(self, identifier) -> str | None:
        """Write the Data Docs page of a result already run (kept in the context's memory store)."""
        if not self.docs_dir:
            return None
        self.context.build_data_docs(site_names=[self.site_name], resource_identifiers=[identifier],
                                     build_index=False)
        return self.docs_path(identifier)


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
    if hasattr(value, "item"):  # numpy scalars
        return _plain(value.item())
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


def combine_batches(checks: list[dict[str, Any]], severity: str) -> dict[str, Any]:
    """Fold the ``suite_result_to_check`` outcomes of one suite over several batches into one.

    An expectation fails if it failed in any batch; unexpected counts are summed; samples come from
    the first failing batches (at most SAMPLE_SIZE per expectation); observed values from the first
    batch that failed the expectation. ``batches`` and ``batches_failed`` count the batches.
    """
    failed: list[str] = []
    unexpected: dict[str, int] = {}
    samples: dict[str, list] = {}
    observed: dict[str, Any] = {}
    evaluated = max((c["metadata"]["evaluated"] for c in checks), default=0)
    for c in checks:
        m = c["metadata"]
        for label in m["failed_expectations"]:
            if label not in failed:
                failed.append(label)
        for label, n in m["unexpected_counts"].items():
            unexpected[label] = unexpected.get(label, 0) + n
        for label, values in m["samples"].items():
            kept = samples.setdefault(label, [])
            kept.extend(values[: SAMPLE_SIZE - len(kept)])
        for label, value in m["observed"].items():
            observed.setdefault(label, value)
    metadata = {
        "evaluated": evaluated,
        "failed": len(failed),
        "success_percent": round(100.0 * (evaluated - len(failed)) / evaluated, 2) if evaluated else 100.0,
        "failed_expectations": failed,
        "unexpected_counts": unexpected,
        "samples": samples,
        "observed": observed,
        "batches": len(checks),
        "batches_failed": sum(1 for c in checks if not c["passed"]),
    }
    return {"passed": not failed, "severity": severity, "metadata": metadata}
