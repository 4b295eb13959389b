"""Checks before a run touches the warehouse: each returns a message for the operator, or None.

`make run` (orchestration/build.py) stops with exit code 2 on the first problem, before ingest, so a
misconfigured run neither loads nor publishes anything.
"""

from __future__ import annotations

from customer360.settings import MissingSaltError, Settings


def salt_problem(settings: Settings) -> str | None:
    """The demo salt is only for the simulated demo landing: any other landing needs PII_SALT."""
    try:
        settings.salt()
    except MissingSaltError as error:
        return str(error)
    return None
