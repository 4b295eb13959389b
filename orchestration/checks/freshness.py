"""Freshness: a source that stopped sending shows red.

Measured against the data's own clock (the newest export day in the landing folder, i.e. what the
other sources did send), not the wall clock, so a replay of last year's exports is judged fairly and
a silent source is caught the day the others move on. Expectations per entity: contract.freshness_days.
"""

from __future__ import annotations

import datetime as dt

import dagster as dg
import duckdb

from orchestration.assets.warehouse import DUCKDB_POOL
from orchestration.landing.contract import ENTITIES, Entity
from orchestration.landing.files import discover
from orchestration.paths import landing_dir, warehouse_path


def freshness_lag(latest_loaded: dt.date | None, newest_export: dt.date | None) -> int | None:
    """Days the entity's newest loaded export trails the newest export of any source (None: no data at all)."""
    if newest_export is None:
        return None
    if latest_loaded is None:
        return 10**6  # never loaded while others send
    return (newest_export - latest_loaded).days


def _check_for(entity: Entity) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=dg.AssetKey(["raw", entity.table]),
        name="fresh",
        description=f"The newest export of {entity.source}/{entity.name} trails the newest export of any "
                    f"source by at most {entity.freshness_days} day(s).",
        pool=DUCKDB_POOL,
    )
    def fresh() -> dg.AssetCheckResult:
        dates = discover(landing_dir()).export_dates
        newest = dt.date.fromisoformat(dates[-1]) if dates else None
        con = duckdb.connect(str(warehouse_path()), read_only=True)
        try:
            latest = con.execute(f"select max(_export_date) from raw.{entity.table}").fetchone()[0]
        except duckdb.CatalogException:
            latest = None
        finally:
            con.close()
        lag = freshness_lag(latest, newest)
        passed = lag is None or lag <= entity.freshness_days
        return dg.AssetCheckResult(
            passed=passed,
            severity=dg.AssetCheckSeverity.WARN,
            description=None if passed else (
                f"No {entity.source}/{entity.name} export since {latest or 'ever'} while other sources sent "
                f"{newest}: is the {entity.source} export job running? (docs/runbook.md#stale-source)"
            ),
            metadata={
                "latest_export_loaded": str(latest) if latest else "never",
                "newest_export_any_source": str(newest) if newest else "none",
                "lag_days": lag if lag is not None and lag < 10**6 else -1,
                "allowed_days": entity.freshness_days,
            },
        )

    return fresh


freshness_checks = [_check_for(entity) for entity in ENTITIES]
