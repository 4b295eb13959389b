"""The whole pipeline on a small simulated population, through the real Definitions."""

from __future__ import annotations

import json

import duckdb

from customer360.landing.contract import ENTITIES
from tests.warehouse import PROJECT_DIR


def test_full_build_succeeds_and_publishes(demo_pipeline):
    pipeline, result = demo_pipeline
    assert result.success
    con = duckdb.connect(str(pipeline.serving), read_only=True)
    published = set(con.execute("select table_schema, table_name from information_schema.tables").fetchall())
    con.close()
    marts = set(pipeline.query(
        "select table_schema, table_name from information_schema.tables where table_schema = 'marts'"))
    assert published == marts  # every mart, and nothing but marts


def test_a_run_builds_dbt_once(demo_pipeline):
    """One `dbt build` per run: no Python step sits between dbt models (the CLV fit is terminal)."""
    _, result = demo_pipeline
    logs = list(PROJECT_DIR.glob(f"target/*-{result.run_id[:7]}-*/dbt.log"))
    assert len(logs) == 1


def test_every_landed_row_is_in_raw_quarantine_or_erased(demo_pipeline):
    pipeline, _ = demo_pipeline
    planted = json.loads((pipeline.truth / "planted.json").read_text())
    rows_written = planted["rows_by_entity"]
    for entity in ENTITIES:
        key = f"{entity.source}/{entity.name}"
        written = rows_written.get(key, 0)
        loaded = pipeline.query(f"select count(*) from raw.{entity.table}")[0][0]
        quarantined_rows = pipeline.query(
            "select count(*) from raw.quarantine where source = ? and entity = ? and line_number is not null",
            [entity.source, entity.name])[0][0]
        rejected_file_rows = _rows_in_rejected_files(pipeline, entity)
        # an erased person's rows left raw after loading; their addresses stay (docs/privacy.md)
        erased = pipeline.query("select count(*) from audit.erased_rows where raw_table = ?", [entity.table])[0][0]
        assert loaded + quarantined_rows + rejected_file_rows + erased == written, key


def _rows_in_rejected_files(pipeline, entity) -> int:
    """Rows of whole files that were quarantined (empty file: 0; missing column: its data lines)."""
    files = pipeline.query(
        "select source_file from raw.quarantine where source = ? and entity = ? and line_number is null",
        [entity.source, entity.name])
    total = 0
    for (relpath,) in files:
        path = pipeline.landing / relpath
        if path.suffix == ".csv":
            with open(path, "rb") as lines:
                total += max(0, sum(1 for _ in lines) - 1)
    return total


def test_the_malformed_files_are_quarantined_with_clear_reasons(demo_pipeline):
    pipeline, _ = demo_pipeline
    reasons = {r[0] for r in pipeline.query("select reason from raw.quarantine where line_number is null")}
    assert "file_empty" in reasons
    assert "file_missing_column:sku" in reasons
    row_reasons = {r[0].split(":")[0] for r in pipeline.query("select distinct reason from raw.quarantine")}
    planted = json.loads((pipeline.truth / "planted.json").read_text())["bad_rows"]
    expected = {PLANTED_TO_REASON[kind] for kind, n in planted.items() if n and kind in PLANTED_TO_REASON}
    assert len(expected) >= 5
    assert expected <= row_reasons
    if planted.get("wrong_type"):  # 'abc' in a numeric or boolean column
        assert row_reasons & {"bad_number", "bad_boolean"}


# what the simulator plants -> the reason ingest gives it
PLANTED_TO_REASON = {
    "null_required": "missing_required", "unparsable_timestamp": "bad_timestamp", "negative_amount": "negative",
    "absurd_amount": "out_of_range", "unknown_enum": "unknown_value", "future_date": "future_timestamp",
    "duplicate_key": "duplicate_key",
}


def test_checks_and_dbt_tests_appear_as_asset_check_results(demo_pipeline):
    _, result = demo_pipeline
    evaluations = [e.asset_check_evaluation_data for e in result.all_events
                   if e.event_type_value == "ASSET_CHECK_EVALUATION"]
    names = {e.check_name for e in evaluations}
    assert "landing_contract" in names and "fresh" in names
    assert any(n.startswith("unique_stg_") for n in names)  # dbt tests
    assert all(e.passed for e in evaluations if e.check_name == "landing_contract")


def test_every_dbt_unit_test_passes(demo_pipeline, dbt_runner, tmp_path):
    pipeline, _ = demo_pipeline
    result = dbt_runner(pipeline.warehouse, "test", "--select", "test_type:unit", target_path=tmp_path / "target")
    assert result.returncode == 0, result.stdout[-4000:]
    assert result.stdout.count(" PASS ") >= 25  # staging, identity, journeys and loyalty unit tests


def test_every_staging_and_intermediate_column_is_documented(demo_pipeline):
    """Every column the demo build made in staging and intermediate has a description in dbt (what
    `make docs` and the Dagster UI show); columns many models share take theirs from one docs block."""
    from customer360.dbt_artifacts import manifest_path, read_manifest

    pipeline, _ = demo_pipeline
    manifest = read_manifest(manifest_path(PROJECT_DIR))
    described = {node["name"]: {name: col.get("description", "") for name, col in node["columns"].items()}
                 for node in manifest["nodes"].values() if node["resource_type"] == "model"}
    built = pipeline.query("select table_name, column_name from information_schema.columns "
                           "where table_schema in ('staging', 'intermediate')")
    assert len(built) > 500
    undocumented = [(t, c) for t, c in built if not described.get(t, {}).get(c, "").strip()]
    assert undocumented == []
    shared = manifest["docs"]["doc.customer360.col__export_date"]["block_contents"].strip()
    export_dates = {described[t]["_export_date"] for t, c in built if c == "_export_date"}
    assert export_dates == {shared}  # one text, from the docs block, wherever the column appears


def test_partitions_carry_their_own_day_and_the_event_log_stays_small(demo_pipeline):
    """One run over the demo's days: each partition of a raw table shows that day's rows (not the run's
    total), and the run's event log stays small (the 90-day `make run` demo: under 10 MB)."""
    import sqlite3

    pipeline, result = demo_pipeline
    per_day = dict(pipeline.query("select cast(_export_date as varchar), count(*) from raw.pos__transaction_lines "
                                  "group by 1"))
    shown = {m.partition: m.materialization.metadata["rows_loaded"].value
             for m in result.get_asset_materialization_events()
             if m.asset_key.to_user_string() == "raw/pos__transaction_lines"}
    assert shown == {day: per_day.get(day, 0) for day in shown} and len(shown) == len(pipeline.export_dates())
    assert len(set(shown.values())) > 1  # days differ: no total fanned out
    with sqlite3.connect(pipeline.dagster_home / "history" / "runs" / f"{result.run_id}.db") as con:
        total, partitions = con.execute("select sum(length(event)), sum(case when dagster_event_type = "
                                        "'ASSET_MATERIALIZATION' and partition is not null then length(event) end) "
                                        "from event_logs").fetchone()
    days = len(pipeline.export_dates())
    # the 90-day demo: the same fixed part, nine times the per-partition part
    assert total - partitions + partitions / days * 90 < 10_000_000, (total, partitions)
