"""The customer360 Dagster code location: wiring only. Nothing happens at import; Dagster calls `defs`."""

from __future__ import annotations

import dagster as dg

from customer360.settings import Settings
from orchestration.checks import build_check_definitions
from orchestration.clv import build_clv_definitions
from orchestration.ingest import build_ingest_definitions
from orchestration.matching import build_matching_definitions
from orchestration.operations import build_operations_definitions, export_days
from orchestration.publish import build_publish_asset
from orchestration.resources import build_resources
from orchestration.transform import build_transform_definitions


def build_definitions(settings: Settings | None = None) -> dg.Definitions:
    """Every stage, built from one Settings (by default the environment's)."""
    settings = settings or Settings.from_environment()
    partitions = export_days(settings)
    stages = dg.Definitions.merge(
        build_ingest_definitions(partitions),
        build_matching_definitions(),
        build_transform_definitions(settings),
        build_clv_definitions(),
        build_check_definitions(settings),
    )
    assets, checks = list(stages.assets or []), list(stages.asset_checks or [])
    publish = build_publish_asset(
        mart_keys=[key for a in assets for key in a.keys if key.path[0] == "marts"],
        check_keys=[key for d in [*assets, *checks] for key in d.check_keys],  # any failing with ERROR vetoes
    )
    return dg.Definitions.merge(
        stages,
        dg.Definitions(assets=[publish], resources=build_resources(settings)),
        build_operations_definitions(settings, partitions),
    )


@dg.definitions
def defs() -> dg.Definitions:
    return build_definitions()
