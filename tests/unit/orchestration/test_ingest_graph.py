"""The ingest part of the asset graph: keys, checks and how they run (catches accidental changes)."""

import dagster as dg

from customer360.landing.contract import ENTITIES, SOURCES
from customer360.settings import Settings
from orchestration.ingest import build_ingest_definitions
from orchestration.operations import export_days
from orchestration.resources import build_resources

SETTINGS = Settings.from_environment()
export_days = export_days(SETTINGS)
ingest = build_ingest_definitions(export_days)
ingest_assets = list(ingest.assets)
landing_checks = [c for c in ingest.asset_checks if all(s.name != "fresh" for s in c.check_specs)]


def test_one_asset_per_contract_entity_plus_unknown_exports():
    keys = {k.to_user_string() for a in ingest_assets for k in a.keys}
    assert keys == {f"raw/{e.table}" for e in ENTITIES} | {"raw/unknown_exports"}
    assert sorted(a.op.name for a in ingest_assets) == sorted([f"ingest_{s}" for s in SOURCES] + ["raw__unknown_exports"])


def test_every_ingest_asset_is_a_daily_single_run_duckdb_writer():
    for asset in ingest_assets:
        assert asset.partitions_def == export_days
        assert asset.backfill_policy == dg.BackfillPolicy.single_run()
        assert asset.op.pool == "duckdb"
        assert set(asset.group_names_by_key.values()) == {"ingest"}
        assert all(spec.kinds == {"duckdb"} for spec in asset.specs)
        assert not asset.can_subset


def test_four_checks_per_raw_table_two_more_on_the_privacy_inputs_and_only_the_contract_blocks():
    specs = [(s.asset_key.to_user_string(), s.name, s.blocking) for c in landing_checks for s in c.check_specs]
    assert len(specs) == 4 * len(ENTITIES) + 2 + 1
    assert {(name, blocking) for _, name, blocking in specs} == {
        ("landing_contract", True), ("landing_ranges", False), ("quarantine_rate", False),
        ("rejected_share", False), ("privacy_input_complete", False), ("no_unknown_exports", False)}
    assert sorted(key for key, name, _ in specs if name == "privacy_input_complete") == [
        "raw/crm__consents", "raw/crm__erasure_requests"]
    # rejected_share and privacy_input_complete veto publish without stopping the run: they run in the
    # op of the blocking landing_contract, which dbt waits for, so publish always sees them
    for check in landing_checks:
        names = {s.name for s in check.check_specs}
        if "rejected_share" in names:
            assert "landing_contract" in names
    assert ("raw/unknown_exports", "no_unknown_exports", False) in specs
    assert all(c.op.pool == "duckdb" for c in landing_checks)


def test_every_raw_table_has_a_freshness_warning():
    fresh = [s for c in ingest.asset_checks for s in c.check_specs if s.name == "fresh"]
    assert sorted(s.asset_key.to_user_string() for s in fresh) == sorted(f"raw/{e.table}" for e in ENTITIES)
    assert not any(s.blocking for s in fresh)


def test_the_definitions_load():
    defs = dg.Definitions.merge(ingest, dg.Definitions(resources=build_resources(SETTINGS)))
    dg.Definitions.validate_loadable(defs)
