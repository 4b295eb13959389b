"""The dashboard people look at: `make dashboard`'s Streamlit app over the demo's serving file, every page
opened in a real headless Chromium; no error on any page, and the headline figures the marts hold on them.
Screenshots: tests/artifacts/dashboard/<page>.png."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

from tests.isolated import DASHBOARD_DIR, dashboard_python
from tests.ui.test_dagster_ui import CHROMIUM, free_port

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts" / "dashboard"


def count(v) -> str:
    return "–" if v is None else f"{int(v):,}"


def pct(v) -> str:
    return "–" if v is None else f"{float(v):.1%}"


def money(v, decimals=0) -> str:
    return "–" if v is None else f"£{float(v):,.{decimals}f}"


def number(v) -> str:
    return "–" if v is None else f"{float(v):,.1f}"


def expected_figures(serving: Path) -> dict[str, dict[str, str]]:
    """Per page, label -> the figure the marts hold, computed here from the serving file, formatted as shown."""
    with duckdb.connect(str(serving), read_only=True) as con:
        def one(sql):
            return con.execute(sql).fetchone()

        customers, buyers, repeat, clv = one("""select (select count(*) from marts.dim_customers),
            count(*) filter (where orders > 0),
            count(*) filter (where is_repeat_buyer) / nullif(count(*) filter (where orders > 0), 0),
            sum(historical_clv) / nullif(count(*) filter (where orders > 0), 0) from marts.customer_loyalty""")
        (revenue,) = one("select sum(net_amount) from marts.fct_orders")
        nps, care, rpem = one("""select 100 * (sum(nps_promoters) - sum(nps_detractors)) / nullif(sum(nps_responses), 0),
            sum(care_tickets_within_target) / nullif(sum(care_tickets - care_tickets_pending), 0),
            sum(engaged_customer_revenue) / nullif(sum(engaged_minutes), 0) from marts.loyalty_kpis_monthly""")
        sessions, conversion = one("""select count(*), count(*) filter (where is_converted) / nullif(count(*), 0)
                                      from marts.fct_sessions""")
        active, latest_repeat = one("""select active_customers, repeat_purchase_rate from marts.loyalty_kpis_monthly
                                       order by month_start desc limit 1""")
        predicted, alive = one("select sum(predicted_clv_12m), avg(probability_alive) from marts.clv_predictions")
        members, email_hashes = one("select count(*), count(email_sha256) from marts.marketing_audiences")
        (merges,) = one("select count(*) from marts.customer_id_changes where change_kind = 'merge'")
    return {
        "overview": {"Customers": count(customers), "Buyers": count(buyers), "Repeat purchase rate": pct(repeat),
                     "Net revenue": money(revenue), "Historical CLV per buyer": money(clv, 2), "NPS": number(nps),
                     "Care answered within one hour": pct(care), "Revenue per engaged minute": money(rpem, 2)},
        "customers": {"Customers": count(customers), "Merges logged": count(merges)},
        "journeys": {"Sessions": count(sessions), "Session conversion rate": pct(conversion)},
        "loyalty": {"Active customers": count(active), "Repeat purchase rate": pct(latest_repeat)},
        "clv": {"Predicted CLV, next 12 months": money(predicted), "Mean probability alive": pct(alive)},
        "audiences": {"Audience members": count(members), "Email hashes for activation": count(email_hashes)},
    }


@pytest.fixture(scope="module")
def dashboard(demo_pipeline):
    pipeline, _ = demo_pipeline
    port = free_port()
    python = dashboard_python()
    started = time.monotonic()
    server = subprocess.Popen(
        [str(python), "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1", "--server.port", str(port),
         "--", "--serving", str(pipeline.serving)],
        cwd=DASHBOARD_DIR, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, stopped whole at the end
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(server.stdout.read().decode()[-3000:]) from None
                time.sleep(0.5)
        print(f"dashboard served in {time.monotonic() - started:.1f} s")
        yield url, pipeline
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def browser_page(dashboard):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(60_000)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        yield page
        browser.close()


PAGES = ["overview", "customers", "journeys", "loyalty", "clv", "audiences"]


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGES)
def test_each_page_shows_its_headline_figures_and_no_error(dashboard, browser_page, name):
    url, pipeline = dashboard
    page = browser_page
    page.goto(f"{url}/{'' if name == 'overview' else name}")
    page.locator('[data-testid="stMetricValue"]').first.wait_for()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)  # charts draw after the figures
    shown = {}
    for metric in page.locator('[data-testid="stMetric"]').all():
        label = metric.locator('[data-testid="stMetricLabel"]').inner_text().strip()
        shown[label] = metric.locator('[data-testid="stMetricValue"]').inner_text().strip()
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_text("Traceback").count() == 0
    assert page.get_by_text("Page not found").count() == 0
    for label, value in expected_figures(pipeline.serving)[name].items():
        assert shown.get(label) == value, (name, label, shown)
    assert page.locator(".vega-embed, [data-testid='stArrowVegaLiteChart'], [data-testid='stDataFrame']").count() >= 1
