"""Operations, for real: the new-exports sensor, a one-day run after a full build, the UI metadata.

The sensor is evaluated through the real Definitions against a landing folder of the test's own.
Day by day: the demo's exports of the first six days are dropped into a fresh landing folder and the
sensor's request is executed (one run); then the other days land one at a time, each run as the sensor
asks, with one late file and one re-sent file among them. The incremental models must report that the
last run reprocessed a few export days, not the history, and every mart must end up equal to the
demo's one-shot build of all ten days. Metadata tests read the demo build's own events.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from customer360.serving.checksums import checksums, compare
from orchestration.clv import CLV_FIT_KEY, CLV_PREDICTIONS_KEY
from tests.conftest import RANGE_END, RANGE_START, Pipeline
from tests.warehouse import PROJECT_DIR

TOUCHPOINT_COLUMNS = ("touchpoint_id, customer_id, session_id, source_identifier_type, source_identifier_value, "
                      "channel, source, touchpoint_type, journey_stage, revenue, engaged_seconds, occurred_at")
SESSION_COLUMNS = ("session_id, customer_id, channel, visitor_id, shop_account_id, is_converted, is_capped, "
                   "duration_seconds, engaged_seconds, event_count, view_count, heartbeat_count, started_at, "
                   "ended_at")


# ------------------------------------------------------------------------------------------ helpers


def drop_export(landing: Path, relpath: str, mtime: float, text: str = "id\n1\n") -> Path:
    """An export file as a source system would drop it, with a chosen modification time."""
    path = landing / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    os.utime(path, (mtime, mtime))
    return path


def evaluate_new_exports(landing: Path, cursor: str | None, instance):
    """One real tick of the new_exports sensor of the code location, with LANDING_DIR pointing at landing."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LANDING_DIR", str(landing))
        from orchestration.definitions import build_definitions

        defs = build_definitions()
        sensor = defs.resolve_sensor_def("new_exports")
        context = dg.build_sensor_context(instance=instance, cursor=cursor, definitions=defs)
        return sensor.evaluate_tick(context)


def materializations(result) -> dict[str, dict]:
    """The latest materialisation metadata per asset key of a run, as plain values."""
    latest = {}
    for event in result.get_asset_materialization_events():
        materialization = event.event_specific_data.materialization
        latest[materialization.asset_key.to_user_string()] = {
            k: getattr(v, "value", v) for k, v in materialization.metadata.items()}
    return latest


def check_metadata(result, check_name: str) -> dict[str, dict]:
    """The metadata of one check's evaluations in a run, per asset key, as plain values."""
    return {e.asset_key.to_user_string(): {k: getattr(v, "value", v) for k, v in e.metadata.items()}
            for e in (ev.asset_check_evaluation_data for ev in result.all_events
                      if ev.event_type_value == "ASSET_CHECK_EVALUATION")
            if e.check_name == check_name}


def png_size(path: Path) -> tuple[int, int]:
    data = Path(path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


# ------------------------------------------------------------------------------------------- sensor


def test_new_exports_sensor_requests_exactly_the_days_that_landed(tmp_path, capfd):
    landing = tmp_path / "landing"
    landing.mkdir()
    with dg.instance_for_test() as instance:
        # nothing there yet
        first = evaluate_new_exports(landing, None, instance)
        assert not first.run_requests and first.skip_message

        # two entities of one day arrive
        drop_export(landing, "shop/orders/2025-03-01.csv", 1_000)
        drop_export(landing, "web/events/2025-03-01.csv.gz", 1_001)
        tick = evaluate_new_exports(landing, first.cursor, instance)
        assert len(tick.run_requests) == 1
        tags = tick.run_requests[0].tags
        assert (tags[RANGE_START], tags[RANGE_END]) == ("2025-03-01", "2025-03-01")

        # nothing new: skipped, the cursor holds
        again = evaluate_new_exports(landing, tick.cursor, instance)
        assert not again.run_requests
        assert again.skip_message == "no new export files"
        assert json.loads(again.cursor) == json.loads(tick.cursor)

        # a later day: that day only, not the one already requested
        drop_export(landing, "crm/customers/2025-03-04.csv", 2_000)
        later = evaluate_new_exports(landing, again.cursor, instance)
        assert [(r.tags[RANGE_START], r.tags[RANGE_END]) for r in later.run_requests] == [("2025-03-04", "2025-03-04")]
        assert later.run_requests[0].run_key != tick.run_requests[0].run_key

        # an export dated before the first partition (C360_PARTITIONS_START, 2009-12-01 in tests):
        # logged for the on-call, never requested
        drop_export(landing, "shop/orders/2009-11-30.csv", 3_000)
        capfd.readouterr()
        early = evaluate_new_exports(landing, later.cursor, instance)
        assert not early.run_requests and early.skip_message
        logged = capfd.readouterr().err
        assert "WARNING" in logged and "outside the partitions" in logged and "2009-11-30" in logged
        assert json.loads(early.cursor)["mtime"] == 3_000  # not asked again on the next tick


# ------------------------------------------------------------------ one new day after a full build


@pytest.fixture(scope="module")
def day_by_day(demo_pipeline, tmp_path_factory):
    """The demo's exports landed as sources send them and built run by run, as the sensor asks: the first
    six days in one run, then one day at a time. The seventh day's web events arrive late (after the
    eighth day was built), the eighth day's till transactions are sent again (the same file, landed again),
    the tenth day is the last run. The seventh day also brings an erasure request."""
    demo, _ = demo_pipeline
    pipeline = Pipeline(tmp_path_factory.mktemp("day_by_day"))
    days = demo.export_dates()
    late_events = f"web/events/{days[6]}"
    resent_transactions = f"pos/transactions/{days[7]}"
    for relpath in (late_events, resent_transactions):  # the demo's exports are sparse: these two exist
        assert list(demo.landing.glob(f"{relpath}*")), relpath

    def land(wanted) -> None:
        """Copy the demo's export files whose path (source/entity/file) is wanted into the landing folder."""
        for path in sorted(demo.landing.glob("*/*/*")):
            relpath = path.relative_to(demo.landing).as_posix()
            if wanted(relpath):
                target = pipeline.landing / relpath
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(path, target)  # a new file: modified now, after the sensor's cursor

    def day_of(relpath: str) -> str:
        return relpath.split("/")[2][:10]

    with dg.instance_for_test() as instance:
        land(lambda p: day_of(p) in days[:6])
        first = evaluate_new_exports(pipeline.landing, None, instance)
        (request,) = first.run_requests
        first_run = run_request(pipeline, request, instance)
        cursor, later = first.cursor, []

        def next_run():
            nonlocal cursor
            tick = evaluate_new_exports(pipeline.landing, cursor, instance)
            (request,) = tick.run_requests
            cursor = tick.cursor
            later.append((tick, run_request(pipeline, request, instance)))

        land(lambda p: day_of(p) == days[6] and not p.startswith(late_events))
        next_run()
        land(lambda p: day_of(p) == days[7])
        next_run()
        land(lambda p: p.startswith(late_events))  # late: after the eighth day was built
        next_run()
        land(lambda p: p.startswith(resent_transactions))  # re-sent: the same file again
        next_run()
        land(lambda p: day_of(p) == days[8])
        next_run()
        land(lambda p: day_of(p) == days[9])
        next_run()
    (second, one) = later[-1]
    return pipeline, days, first, first_run, second, one, later


def run_request(pipeline: Pipeline, request: dg.RunRequest, instance):
    """Execute the job as the sensor asked (its partition-range tags), without the CLV fit and publish."""
    with pytest.MonkeyPatch.context() as mp:
        for k, v in pipeline.env().items():
            mp.setenv(k, v)
        from orchestration.definitions import build_definitions

        defs = build_definitions()
        selection = (dg.AssetSelection.all()
                     - dg.AssetSelection.assets(CLV_FIT_KEY, CLV_PREDICTIONS_KEY).downstream())
        keys = sorted(selection.resolve(defs.resolve_asset_graph()))
        return defs.resolve_job_def(request.job_name or "build_warehouse").execute_in_process(
            instance=instance, tags=request.tags, raise_on_error=False, asset_selection=keys)


def test_sensor_requests_the_new_day_and_that_run_loads_only_it(day_by_day):
    pipeline, days, first, first_run, second, one, later = day_by_day
    assert (first.run_requests[0].tags[RANGE_START], first.run_requests[0].tags[RANGE_END]) == (days[0], days[5])
    assert first_run.success and all(result.success for _, result in later)
    assert (second.run_requests[0].tags[RANGE_START], second.run_requests[0].tags[RANGE_END]) == (days[-1], days[-1])
    loaded_days = {m.partition for m in one.get_asset_materialization_events()
                   if m.asset_key.to_user_string().startswith("raw/")}
    assert loaded_days == {days[-1]}
    (on_disk,) = pipeline.query("select count(distinct _export_date) from raw.shop__accounts")
    assert on_disk[0] >= 2  # the earlier days are still there: the day was added, not reloaded alone


def test_one_day_run_reprocesses_a_few_days_not_the_history(day_by_day):
    """What each incremental model processed is its `incremental_batch` check (dbt records it per run)."""
    pipeline, days, _, first_run, _, one, _ = day_by_day
    full, incremental = check_metadata(first_run, "incremental_batch"), check_metadata(one, "incremental_batch")
    for model in ("intermediate/int_journey__touchpoints", "intermediate/int_journey__sessions"):
        assert full[model]["incremental_mode"] == "full"
        assert full[model]["rows_processed"] == full[model]["rows_in_table"]
        after = incremental[model]
        assert after["incremental_mode"] == "incremental", model
        total = pipeline.query(f"select count(*) from {model.replace('/', '.')}")[0][0]
        assert after["rows_in_table"] == total
        assert 0 < after["rows_processed"] < 0.75 * total, (model, after["processed"])
    # every touchpoint exported on the new day was processed by this run
    new_day_rows = pipeline.query(
        "select count(*) from intermediate.int_journey__touchpoints where _export_date = ?", [days[-1]])[0][0]
    assert incremental["intermediate/int_journey__touchpoints"]["rows_processed"] >= new_day_rows > 0


def test_the_next_run_does_not_parse_the_dbt_project_again(day_by_day):
    """A whole parse costs ~3.5 s at any warehouse size: a run reuses the last parse made for its profile."""
    *_, one, _ = day_by_day
    (log,) = PROJECT_DIR.glob(f"target/*-{one.run_id[:7]}-*/dbt.log")
    assert "Unable to do partial parsing" not in log.read_text()


def test_late_and_resent_exports_are_requested_as_their_own_day(day_by_day):
    """The late web events and the re-sent till transactions each make the sensor ask for their export day again."""
    _, days, *_, later = day_by_day
    requested = [(tick.run_requests[0].tags[RANGE_START], tick.run_requests[0].tags[RANGE_END]) for tick, _ in later]
    assert requested == [(days[6], days[6]), (days[7], days[7]), (days[6], days[6]), (days[7], days[7]),
                         (days[8], days[8]), (days[9], days[9])]


def test_day_by_day_equals_the_one_shot_build(day_by_day, demo_pipeline):
    pipeline, *_ = day_by_day
    demo, _ = demo_pipeline
    for table, columns, order in (("marts.fct_touchpoints", TOUCHPOINT_COLUMNS, "touchpoint_id"),
                                  ("marts.fct_sessions", SESSION_COLUMNS, "session_id")):
        sql = f"select {columns} from {table} order by {order}"
        assert pipeline.query(sql) == demo.query(sql), table


# What differs on purpose: the id-change log records each run's merges and splits (a one-shot build
# has nothing to log), and the CLV tables are the fit's (the day-by-day runs leave the CLV fit out).
HISTORY_OF_RUNS = {"customer_id_changes", "clv_model_fit", "clv_predictions"}
# Not incremental work but the erasure's order: the run that loads an erasure request scores pairs with
# the erased person's records still counted in the matcher's prior (the erasure step deletes them after
# dbt), the runs after it without; a one-shot build is such a run. Same pairs, same decisions, weights
# differ by log2(454/453) here (probabilities within 0.01: asserted below).
SCORED_WITH_THE_ERASED = ("match_probability", "match_weight")


def test_day_by_day_equals_the_one_shot_build_in_every_mart(day_by_day, demo_pipeline):
    """Every mart, every column, customer ids included (bar run timestamps): a day's run leaves the
    warehouse as a full build of the same days would."""
    pipeline, *_ = day_by_day
    demo, _ = demo_pipeline
    one_day_at_a_time, at_once = checksums(pipeline.warehouse), checksums(demo.warehouse)
    for marts in (one_day_at_a_time, at_once):
        for column in SCORED_WITH_THE_ERASED:
            del marts["identity_review_queue"]["columns"][column]
    differences = compare({t: v for t, v in at_once.items() if t not in HISTORY_OF_RUNS},
                          {t: v for t, v in one_day_at_a_time.items() if t not in HISTORY_OF_RUNS})
    assert differences == []
    with duckdb.connect() as con:
        con.execute(f"attach '{pipeline.warehouse}' as day_by_day (read_only)")
        con.execute(f"attach '{demo.warehouse}' as at_once (read_only)")
        paired, largest = con.execute(
            "select count(*), max(abs(a.match_probability - b.match_probability)) "
            "from day_by_day.marts.identity_review_queue as a join at_once.marts.identity_review_queue as b "
            "using (pair_id)").fetchone()
    assert paired == at_once["identity_review_queue"]["rows"] and largest < 0.01


# ----------------------------------------------------------------------------------- UI metadata


def test_ingest_shows_rows_per_export_day_of_each_raw_table(demo_pipeline):
    pipeline, result = demo_pipeline
    meta = materializations(result)
    for table in ("web__events", "shop__orders", "crm__customers"):
        m = meta[f"raw/{table}"]
        # counted at ingest, before the erasure step took an erased person's rows out of raw (audit.erased_rows)
        counts = pipeline.query(f"""
            select cast(export_date as varchar), count(*) from (
                select _export_date as export_date from raw.{table}
                union all
                select export_date from audit.erased_rows where raw_table = '{table}')
            group by 1 order by 1""")
        assert m["rows_in_table"] == sum(n for _, n in counts)
        lines = m["rows_by_export_day"]
        for day, n in counts:  # every day with its count, marked as loaded by this run
            assert f"| {day} ◀ | {n:,} |" in lines, (table, day)
        width, height = png_size(m["rows_by_export_day_chart"])
        assert width > 200 and height > 100


def test_dim_customers_shows_identity_figures_and_a_cluster_histogram(demo_pipeline):
    """The identity checks carry the cluster profile (computed once for both)."""
    pipeline, result = demo_pipeline
    m = check_metadata(result, "identity_quality")["marts/dim_customers"]
    assert check_metadata(result, "no_runaway_cluster")["marts/dim_customers"]["customers"] == m["customers"]
    assert m["customers"] == pipeline.query("select count(*) from marts.dim_customers")[0][0]
    sizes = pipeline.query("""
        select count(*) as size from intermediate.int_identity__customer_ids group by customer_id""")
    assert m["clusters"] == len(sizes)
    assert m["largest_cluster_size"] == max(s for (s,) in sizes) == m["largest_cluster"]["size"]
    singles = sum(1 for (s,) in sizes if s == 1)
    assert f"| 1 | {singles:,} |" in m["cluster_size_histogram"]
    assert "data:image/png;base64," in m["cluster_size_histogram"]
    png_size(m["cluster_size_chart"])
    merges = pipeline.query("select count(*) from marts.customer_id_changes where change_kind = 'merge'")[0][0]
    assert m["merges_this_run"] == merges  # one run built everything: every merge is this run's


def test_dbt_step_shows_late_events_build_time_and_incremental_rows(demo_pipeline):
    """Late events are the late_exports check; the build's time and nodes are dbt's own results, in the
    dbt step's log; the rows an incremental model processed, its incremental_batch check."""
    pipeline, result = demo_pipeline
    late = check_metadata(result, "late_exports")["intermediate/int_journey__late_events"]
    expected = pipeline.query("""
        select sum(late_rows), sum(rows_beyond_lookback), count(*) from intermediate.int_journey__late_events""")[0]
    assert (late["late_rows"], late["rows_behind_lookback"], late["export_files"]) == tuple(int(v) for v in expected)
    assert "| web/events |" in late["late_by_source"]
    with dg.DagsterInstance.from_config(str(pipeline.dagster_home)) as instance:
        messages = [entry.user_message for entry in instance.all_logs(result.run_id)]
    dbt_build = [m for m in messages if m.startswith("dbt build: ")]
    assert len(dbt_build) == 1  # one dbt build per run
    seconds = float(dbt_build[0].split()[2])
    assert 5 < seconds < 1800 and ", 0 failed or errored" in dbt_build[0]
    # which nodes are slowest in a 16 s build is the machine's call; that they are listed with their seconds is ours
    assert "Slowest nodes" in dbt_build[0] and re.search(r"\| \w+ \| \d+\.\d \|", dbt_build[0])
    touchpoints = check_metadata(result, "incremental_batch")["intermediate/int_journey__touchpoints"]
    assert touchpoints["incremental_mode"] == "full"  # the demo's first build
    assert touchpoints["rows_processed"] == pipeline.query("select count(*) from marts.fct_touchpoints")[0][0]

