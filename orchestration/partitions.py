"""Daily partitions = export dates of the landing folder."""

from __future__ import annotations

import os

import dagster as dg

from orchestration.landing.files import earliest_export_date_in
from orchestration.resources import default_landing_dir

FALLBACK_START = "2025-01-01"


def partitions_start_date(landing_dir: str | None = None) -> str:
    """C360_PARTITIONS_START if set, else the earliest export date in the landing folder, else 2025-01-01.

    Read when the code location loads: exports older than the first partition need the location
    reloaded (or C360_PARTITIONS_START set) before they can be ingested.
    """
    return (
        os.environ.get("C360_PARTITIONS_START")
        or earliest_export_date_in(landing_dir or default_landing_dir())
        or FALLBACK_START
    )


# A partition is one export date (UTC). Daily partitions exist once their day has ended: the export
# dated D is loaded on D+1 or later.
export_days = dg.DailyPartitionsDefinition(start_date=partitions_start_date())
