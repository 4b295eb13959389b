"""A graph that label propagation cannot finish within the pass limit fails the build, loudly."""

from __future__ import annotations

import json

from tests.warehouse import create_raw_warehouse, insert_rows, query, run_dbt


def test_an_unconverged_graph_fails_the_build_and_assigns_no_ids(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    create_raw_warehouse(warehouse)
    # care tickets chaining email0 - phone0 - email1 - phone1 - ... : one person, a long chain
    tickets = []
    for n in range(12):
        tickets.append({"ticket_id": f"T{n}a", "channel": "email", "contact_email": f"p{n}@x.io",
                            "contact_phone": f"+4477009{n:05d}", "opened_at": "2024-01-01 10:00:00"})
        tickets.append({"ticket_id": f"T{n}b", "channel": "email", "contact_email": f"p{n + 1}@x.io",
                            "contact_phone": f"+4477009{n:05d}", "opened_at": "2024-01-01 10:00:00"})
    insert_rows(warehouse, "care__tickets", tickets)

    result = run_dbt(warehouse, "build", "--select", "+int_identity__customer_ids", "--exclude", "test_type:unit", "--indirect-selection", "cautious",
                     "--vars", json.dumps({"identity_max_passes": 1, "as_of_date": "2024-06-30"}),
                     target_path=tmp_path / "target")

    output = result.stdout
    assert result.returncode != 0
    assert "assert_identity_graph_converged" in output and "FAIL" in output
    assert "SKIP relation intermediate.int_identity__customer_ids" in output
    converged, moved = query(warehouse, "select is_converged, nodes_unsettled from intermediate.int_identity__convergence")[0]
    assert not converged and moved > 0
    assert not query(warehouse, "select 1 from information_schema.tables where table_name = 'int_identity__customer_ids'")
