"""Peak memory of the GX checks on a built warehouse: landing suites (latest export day of every raw
table) and mart suites (every mart that exists), in one process, as the build's check steps run them.

    /usr/bin/time -v uv run python -m bench.checks_memory WAREHOUSE LANDING_DIR

Reads "Maximum resident set size" from /usr/bin/time. Measured at 1M persons: see bench/results/tuning.md.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time


def main(warehouse: str, landing: str) -> None:
    os.environ.update({"WAREHOUSE_PATH": warehouse, "LANDING_DIR": landing, "C360_DEMO": "1", "DO_NOT_TRACK": "1",
                       "DOCS_DIR": os.environ.get("DOCS_DIR", tempfile.mkdtemp(prefix="checks_docs_"))})
    import dagster as dg
    import duckdb

    from orchestration.checks import mart_suites
    from orchestration.definitions import build_definitions

    with duckdb.connect(warehouse, read_only=True) as con:
        marts = {r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts'").fetchall()}
    built = build_definitions()
    landing = [c for c in built.asset_checks if c.op.name.startswith("landing_checks_")]
    keys = [k for c in [*landing, mart_suites] for k in c.check_keys
            if k.asset_key.path[0] == "raw" or k.asset_key.path[-1] in marts]
    job = dg.define_asset_job("checks_only", selection=dg.AssetSelection.checks(*keys))
    defs = dg.Definitions.merge(built, dg.Definitions(jobs=[job]))
    started = time.monotonic()
    result = defs.resolve_job_def("checks_only").execute_in_process(
        instance=dg.DagsterInstance.ephemeral(), raise_on_error=False)
    evaluations = [e.asset_check_evaluation_data for e in result.all_events
                   if e.event_type_value == "ASSET_CHECK_EVALUATION"]
    print(f"{len(evaluations)} checks on {len(marts)} marts and the raw tables in {time.monotonic() - started:.0f} s; "
          f"failed: {[f'{e.asset_key.to_user_string()}:{e.check_name}' for e in evaluations if not e.passed]}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
