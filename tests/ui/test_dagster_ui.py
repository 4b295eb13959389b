"""The on-call's view: the Dagster UI in a real headless Chromium, against a built demo warehouse."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import dagster as dg
import duckdb
import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
PROJECT_DIR = Path(__file__).resolve().parent.parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


RUNAWAY = dg.AssetCheckKey(dg.AssetKey(["marts", "dim_customers"]), "no_runaway_cluster")


@pytest.fixture(scope="module")
def on_call_drill(demo_pipeline, tmp_path_factory):
    """A copy of the demo's Dagster instance with one more, real, failed run: the blocking check
    no_runaway_cluster evaluated on a copy of the warehouse where 250 identifiers were glued into one
    customer (what a junk hub does). The demo's own files stay untouched."""
    pipeline, _ = demo_pipeline
    root = tmp_path_factory.mktemp("on_call")
    home = root / "dagster_home"
    shutil.copytree(pipeline.dagster_home, home)
    warehouse = root / "warehouse.duckdb"  # the file name is the dbt catalog name
    shutil.copy(pipeline.warehouse, warehouse)
    with duckdb.connect(str(warehouse)) as con:
        con.execute("update intermediate.int_identity__customer_ids set customer_id = 'c_runaway' where rowid < 250")
    with pytest.MonkeyPatch.context() as mp:
        for k, v in {**pipeline.env(), "WAREHOUSE_PATH": str(warehouse)}.items():
            mp.setenv(k, v)
        from orchestration.definitions import build_definitions

        job = build_definitions().resolve_implicit_global_asset_job_def().get_subset(
            asset_selection=set(), asset_check_selection={RUNAWAY})
        with dg.DagsterInstance.from_config(str(home)) as instance:
            result = job.execute_in_process(instance=instance, raise_on_error=False)
    assert not result.success  # a failed blocking check fails its step, hence the run
    (evaluation,) = [e.asset_check_evaluation_data for e in result.all_events
                     if e.event_type_value == "ASSET_CHECK_EVALUATION"]
    assert not evaluation.passed and evaluation.metadata["largest_size"].value == 250
    return home, result.run_id


@pytest.fixture(scope="module")
def dagster_ui(demo_pipeline, on_call_drill):
    pipeline, _ = demo_pipeline
    home, _ = on_call_drill
    port = free_port()
    env = {**os.environ, **pipeline.env(), "DAGSTER_HOME": str(home)}
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("dagster-webserver")), "-m", "orchestration.definitions",
         "-h", "127.0.0.1", "-p", str(port)],
        cwd=PROJECT_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, so the whole tree stops at the end
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{url}/server_info", timeout=2)
                break
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError(server.stdout.read().decode()[-3000:]) from None
                time.sleep(1)
        else:
            raise TimeoutError("dagster-webserver did not serve within 180 s")
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def page(dagster_ui):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"],
        )
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.set_default_timeout(60_000)
        ARTIFACTS.mkdir(exist_ok=True)
        yield page
        browser.close()


def dismiss_welcome(page) -> None:
    skip = page.get_by_role("button", name="Skip")
    if skip.count():
        skip.first.click()


def screenshot(page, name: str) -> None:
    """The welcome dialog can pop up late, over the page: give it a moment and dismiss it first."""
    page.wait_for_timeout(1000)
    dismiss_welcome(page)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def see(page, url: str, *texts: str, shot: str, exact: bool = False) -> None:
    """Open url and wait until each text shows (a timeout fails the test), then keep a screenshot."""
    page.goto(url)
    dismiss_welcome(page)
    for text in texts:
        page.get_by_text(text, exact=exact).first.wait_for()
    screenshot(page, shot)


def test_asset_graph_shows_every_layer(page, dagster_ui):
    see(page, f"{dagster_ui}/asset-groups", "ingest", "staging", "intermediate", "marts", "serving",
        shot="dagster_asset_groups.png", exact=True)


def test_a_check_result_is_visible_on_an_asset(page, dagster_ui):
    see(page, f"{dagster_ui}/assets/raw/shop__orders?view=checks", "landing_contract", "quarantine_rate",
        shot="dagster_checks.png")


def test_schedule_and_sensors_are_listed(page, dagster_ui):
    see(page, f"{dagster_ui}/automation", "daily_build", "new_exports", "run_failure_alert",
        shot="dagster_automation.png", exact=True)


def test_the_build_run_page_shows_every_step(page, dagster_ui, demo_pipeline):
    """The run succeeded through publish: the last step's own log line, found with the log filter (the
    log is virtualised: where it is scrolled to when the page settles decides what is rendered)."""
    _, result = demo_pipeline
    page.goto(f"{dagster_ui}/runs/{result.run_id}")
    dismiss_welcome(page)
    page.get_by_text("Success").first.wait_for()
    page.get_by_placeholder("Filter").first.fill("serving__customer360")
    page.get_by_text('Finished execution of step "serving__customer360"').first.wait_for()
    screenshot(page, "dagster_run.png")


def test_a_failed_blocking_check_is_red_with_its_reason(page, dagster_ui, on_call_drill):
    """What the on-call sees from the alert's link: the failed run, its red step and the check's verdict."""
    _, run_id = on_call_drill
    see(page, f"{dagster_ui}/runs/{run_id}", "Failure", "blocking asset check failed",
        shot="dagster_failed_check_run.png")

    page.goto(f"{dagster_ui}/assets/marts/dim_customers?view=checks")
    page.get_by_text("no_runaway_cluster").first.click()  # its verdict, description and offenders
    page.get_by_text("Failed").first.wait_for()
    page.get_by_text("A runaway merge").first.wait_for()
    screenshot(page, "dagster_failed_check.png")
