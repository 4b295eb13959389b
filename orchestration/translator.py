"""How dbt nodes appear in Dagster: keyed by schema, grouped by layer, owned by the data team."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings

LAYERS = ("staging", "intermediate", "marts")


class WarehouseTranslator(DagsterDbtTranslator):
    def __init__(self) -> None:
        super().__init__(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        # Sources carry meta.dagster.asset_key = ["raw", "<source>__<entity>"]: the ingest assets.
        if dbt_resource_props["resource_type"] == "source":
            return super().get_asset_key(dbt_resource_props)
        # Models and seeds: [schema, name], e.g. marts/dim_customers, as BI and the on-call see them.
        return dg.AssetKey([dbt_resource_props["schema"], dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "seed":
            return "reference"
        fqn = dbt_resource_props.get("fqn", [])
        return next((part for part in fqn if part in LAYERS), "warehouse")

    def get_owners(self, dbt_resource_props: Mapping[str, Any]) -> list[str]:
        return super().get_owners(dbt_resource_props) or ["team:data"]
