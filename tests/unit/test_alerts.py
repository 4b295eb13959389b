"""The run-failure alert: what it says, and that it really reaches a webhook (a local HTTP server)."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from customer360.alerts import AlertDeliveryError, alert_text, build_alert, post_alert, with_retries


def test_alert_is_posted_as_json_with_what_the_on_call_needs():
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            received.append((self.headers["Content-Type"], json.loads(self.rfile.read(int(self.headers["Content-Length"])))))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.handle_request, daemon=True)
    thread.start()
    payload = build_alert("run-123", "build_warehouse", ["warehouse_models"], "dbt test failed:\n unique_x",
                          ui_url="http://127.0.0.1:3000/")

    status = post_alert(payload, url=f"http://127.0.0.1:{server.server_port}/hook")

    thread.join(timeout=5)
    server.server_close()
    assert status == 204
    content_type, body = received[0]
    assert content_type == "application/json"
    assert body["run_id"] == "run-123" and body["job"] == "build_warehouse"
    assert body["failed_steps"] == ["warehouse_models"]
    assert body["error"] == "dbt test failed: unique_x"
    assert body["run_url"] == "http://127.0.0.1:3000/runs/run-123"
    assert body["runbook"] == "docs/runbook.md#first-three-minutes"


def test_a_blocked_run_names_its_failed_checks_with_their_runbook_sections():
    payload = build_alert(
        "r", "build_warehouse", ["mart_suites"], "1 blocking asset check failed",
        failed_checks=[("marts/loyalty_kpis_monthly", "mart_suite", "nps out of range"),
                       ("marts/dim_customers", "unique_dim_customers_customer_id", None)],
        runbook_url="https://wiki.example/runbook")
    assert [c["runbook"] for c in payload["failed_checks"]] == [
        "https://wiki.example/runbook#mart-suites", "https://wiki.example/runbook#dbt-tests"]
    assert payload["runbook"] == "https://wiki.example/runbook#mart-suites"
    assert "blocked by 2 failed check(s)" in payload["text"]
    text = alert_text(payload)
    assert "marts/loyalty_kpis_monthly:mart_suite: nps out of range (https://wiki.example/runbook#mart-suites)" in text


def test_delivery_is_retried_with_growing_pauses_then_given_up():
    tries, pauses = [], []

    def flaky():
        tries.append(1)
        if len(tries) < 3:
            raise ConnectionError("refused")
        return "sent"

    assert with_retries(flaky, attempts=3, pause=0.5, sleep=pauses.append) == "sent"
    assert pauses == [0.5, 1.0]
    with pytest.raises(AlertDeliveryError, match="after 2 attempt"):
        with_retries(lambda: 1 / 0, attempts=2, pause=0, sleep=lambda _: None)


def test_no_webhook_configured_means_no_post():
    assert post_alert(build_alert("r", "j", [], "boom"), url=None) is None
