"""The on-call's view: the Dagster UI in a real headless Chromium, against a built demo warehouse."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
PROJECT_DIR = Path(__file__).resolve().parent.parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def dagster_ui(demo_pipeline):
    pipeline, _ = demo_pipeline
    port = free_port()
    env = {**os.environ, **pipeline.env(), "DAGSTER_HOME": str(pipeline.dagster_home)}
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
        yield page
        browser.close()


def dismiss_welcome(page) -> None:
    skip = page.get_by_role("button", name="Skip")
    if skip.count():
        skip.first.click()


def test_asset_graph_shows_every_layer(page, dagster_ui):
    page.goto(f"{dagster_ui}/asset-groups")
    dismiss_welcome(page)
    for group in ("ingest", "staging", "intermediate", "marts", "serving"):
        page.get_by_text(group, exact=True).first.wait_for()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dagster_asset_groups.png"), full_page=True)


def test_a_check_result_is_visible_on_an_asset(page, dagster_ui):
    page.goto(f"{dagster_ui}/assets/raw/shop__orders?view=checks")
    dismiss_welcome(page)
    page.get_by_text("landing_contract").first.wait_for()
    page.get_by_text("quarantine_rate").first.wait_for()
    page.screenshot(path=str(ARTIFACTS / "dagster_checks.png"), full_page=True)


def test_schedule_and_sensors_are_listed(page, dagster_ui):
    page.goto(f"{dagster_ui}/automation")
    dismiss_welcome(page)
    for name in ("daily_build", "new_exports", "run_failure_alert"):
        page.get_by_text(name, exact=True).first.wait_for()
    page.screenshot(path=str(ARTIFACTS / "dagster_automation.png"), full_page=True)
