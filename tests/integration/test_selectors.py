"""The runbook's full refresh for late exports rebuilds the journey facts and never identity's state."""

from tests.warehouse import run_dbt


def test_late_exports_rebuild_the_event_facts_but_not_the_stable_ids(tmp_path):
    result = run_dbt(tmp_path / "warehouse.duckdb", "ls", "--selector", "late_exports",
                     "--resource-type", "model", "--output", "name", "--quiet")
    assert result.returncode == 0, result.stdout + result.stderr
    models = set(result.stdout.split())
    assert {"stg_web__events", "stg_app__events", "stg_email__events", "int_journey__sessionised_events",
            "int_journey__touchpoints", "fct_sessions", "fct_touchpoints", "fct_journey_stages", "fct_order_attribution"} <= models
    # stable customer ids and the merge/split log are state: a full refresh would reset them
    assert not {"int_identity__customer_ids", "customer_id_changes", "dim_customers"} & models
