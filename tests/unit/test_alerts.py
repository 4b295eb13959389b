"""The run-failure alert really reaches a webhook (a local HTTP server on 127.0.0.1)."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

from customer360.alerts import build_alert, post_alert


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


def test_no_webhook_configured_means_no_post():
    assert post_alert(build_alert("r", "j", [], "boom"), url=None) is None
