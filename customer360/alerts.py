"""Run-failure alerts: a payload an on-call can act on, and delivery with retries (no Dagster here).

The payload names the run, the failed steps, the error, the checks that failed (each with its runbook
section) and links to the run and to the runbook. It is posted as JSON to ALERT_WEBHOOK_URL; Slack and
Teams get the same facts as text (orchestration/operations.py sends them through dagster-slack and
dagster-msteams).
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from customer360.run_summary import runbook_anchor

DEFAULT_UI_URL = "http://127.0.0.1:3000"
FIRST_MINUTES = "first-three-minutes"  # the runbook's section when no check names the cause
T = TypeVar("T")


class AlertDeliveryError(RuntimeError):
    pass


def build_alert(
    run_id: str,
    job_name: str,
    failed_steps: list[str],
    error: str,
    ui_url: str = DEFAULT_UI_URL,
    failed_checks: Sequence[tuple[str, str, str | None]] = (),
    runbook_url: str = "docs/runbook.md",
) -> dict[str, Any]:
    """failed_checks: (asset key, check name, description) of the blocking checks that failed."""
    ui = ui_url.rstrip("/")
    summary = " ".join(error.split())[:500] if error else "no error message"
    checks = [{"asset": asset, "check": name, "description": " ".join((description or "").split())[:300],
               "runbook": f"{runbook_url}#{runbook_anchor(name)}"} for asset, name, description in failed_checks]
    where = ", ".join(failed_steps) or "an unknown step"
    blocked = f"; blocked by {len(checks)} failed check(s): " + ", ".join(
        f"{c['asset']}:{c['check']}" for c in checks[:5]) if checks else ""
    return {
        "text": f"customer360: run of {job_name} failed at {where}: {summary}{blocked}",
        "run_id": run_id,
        "job": job_name,
        "failed_steps": failed_steps,
        "error": summary,
        "failed_checks": checks,
        "run_url": f"{ui}/runs/{run_id}",
        "runbook": checks[0]["runbook"] if checks else f"{runbook_url}#{FIRST_MINUTES}",
    }


def causes_of(error) -> list[str]:
    """The messages of the errors that caused an error (Dagster's SerializableErrorInfo: .cause, .context),
    outermost first."""
    causes = []
    while error is not None and (error := error.cause or error.context) is not None:
        causes.append(error.message)
    return causes


def error_text(message: str, causes: Sequence[str] = ()) -> str:
    """An error as one line: its message, then what caused it (the root cause last), e.g. Dagster's
    "Error occurred while executing op ingest_app" with DuckDB's "Could not set lock on file"."""
    parts = [" ".join(m.split()) for m in [message, *causes] if m and m.strip()]
    return " <- ".join(dict.fromkeys(parts))


def alert_text(payload: dict[str, Any]) -> str:
    """The alert as a few lines of markdown (Slack, Teams)."""
    lines = [payload["text"], f"Run: {payload['run_url']}", f"Runbook: {payload['runbook']}"]
    lines += [f"- {c['asset']}:{c['check']}: {c['description'] or 'failed'} ({c['runbook']})"
              for c in payload["failed_checks"][:10]]
    return "\n".join(lines)


def with_retries(send: Callable[[], T], attempts: int = 3, pause: float = 1.0,
                 sleep: Callable[[float], None] = time.sleep) -> T:
    """send() until it returns, at most `attempts` times, pausing 1x, 2x, 4x... `pause` between tries."""
    for attempt in range(1, attempts + 1):
        try:
            return send()
        except Exception as error:  # any failure of a delivery is worth another try
            if attempt == attempts:
                raise AlertDeliveryError(f"alert not delivered after {attempts} attempt(s): {error}") from error
            sleep(pause * 2 ** (attempt - 1))
    raise AssertionError("unreachable")


def post_alert(payload: dict[str, Any], url: str | None, timeout: float = 10.0, attempts: int = 3,
               pause: float = 1.0) -> int | None:
    """POST the payload as JSON, retrying on errors and 5xx/429 answers; return the HTTP status, or None
    when no webhook is configured. Raises AlertDeliveryError when every attempt failed."""
    if not url:
        return None

    def post() -> int:
        request = urllib.request.Request(
            url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}, method="POST",
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status

    return with_retries(post, attempts=attempts, pause=pause)
