"""docs/analysts.md's example queries run as written against the demo's serving file and return rows."""

from __future__ import annotations

import re
import subprocess

import duckdb

from tests.isolated import dashboard_python
from tests.warehouse import PROJECT_DIR

DOC = PROJECT_DIR / "docs" / "analysts.md"


def example_queries() -> list[str]:
    return re.findall(r"```sql\n(.*?)```", DOC.read_text(), re.DOTALL)


def test_every_example_query_returns_rows(demo_pipeline):
    pipeline, _ = demo_pipeline
    queries = example_queries()
    assert len(queries) >= 10
    with duckdb.connect(str(pipeline.serving), read_only=True) as con:
        for sql in queries:
            assert con.execute(sql).fetchall(), sql


def test_they_run_in_a_duckdb_1x_too(demo_pipeline):
    """As an analyst's DuckDB CLI or DBeaver would run them (the dashboard's DuckDB 1.4)."""
    pipeline, _ = demo_pipeline
    script = ("import duckdb, json, sys\ncon = duckdb.connect(sys.argv[1], read_only=True)\n"
              "queries = json.load(sys.stdin)\nprint([len(con.execute(q).fetchall()) for q in queries])\n")
    import json

    out = subprocess.run([str(dashboard_python()), "-c", script, str(pipeline.serving)],
                         input=json.dumps(example_queries()), capture_output=True, text=True, timeout=300, check=False)
    assert out.returncode == 0, out.stderr[-3000:]
    assert all(n > 0 for n in json.loads(out.stdout))


def test_the_documented_attribution_sums_to_the_orders(demo_pipeline):
    pipeline, _ = demo_pipeline
    by_channel = next(q for q in example_queries() if "fct_order_attribution" in q)
    with duckdb.connect(str(pipeline.serving), read_only=True) as con:
        rows = con.execute(by_channel).fetchall()
        (revenue,) = con.execute("select sum(net_amount) from marts.fct_orders").fetchone()
    assert [sum(r[i] for r in rows) for i in (1, 2, 3)] == [revenue] * 3
