"""Run-failure alerts: a JSON payload an on-call can act on, posted to ALERT_WEBHOOK_URL."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

DEFAULT_UI_URL = "http://127.0.0.1:3000"


def build_alert(
    run_id: str, job_name: str, failed_steps: list[str], error: str, ui_url: str = DEFAULT_UI_URL,
) -> dict[str, Any]:
    ui = ui_url.rstrip("/")
    summary = " ".join(error.split())[:500] if error else "no error message"
    return {
        "text": f"customer360: run of {job_name} failed at {', '.join(failed_steps) or 'an unknown step'}: {summary}",
        "run_id": run_id,
        "job": job_name,
        "failed_steps": failed_steps,
        "error": summary,
        "run_url": f"{ui}/runs/{run_id}",
        "runbook": "docs/runbook.md",
    }


def post_alert(payload: dict[str, Any], url: str | None, timeout: float = 10.0) -> int | None:
    """POST the payload as JSON; return the HTTP status, or None when no webhook is configured."""
    if not url:
        return None
    request = urllib.request.Request(
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}, method="POST",
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status
