"""The dbt semantic layer computes the headline KPIs the marts (and the dashboard) show: MetricFlow, from
PyPI in an isolated environment (dbt-metricflow with the project's dbt-core and dbt-duckdb), validates
every semantic model and metric against the demo warehouse and queries them."""

from __future__ import annotations

import csv
import os
import shutil

import pytest

from tests.isolated import run_isolated
from tests.warehouse import PROJECT_DIR

METRICFLOW = ["dbt-metricflow==0.15.0", "dbt-core==1.11.16", "dbt-duckdb==1.11.1", "duckdb==2.0.0"]


@pytest.fixture(scope="module")
def mf(demo_pipeline, tmp_path_factory):
    """`mf` against a copy of the demo warehouse (MetricFlow opens it read-write)."""
    pipeline, _ = demo_pipeline
    root = tmp_path_factory.mktemp("metricflow")
    warehouse = root / "warehouse.duckdb"
    shutil.copy(pipeline.warehouse, warehouse)
    env = {**os.environ, **pipeline.env(), "WAREHOUSE_PATH": str(warehouse), "DO_NOT_TRACK": "1",
           "DBT_PROFILES_DIR": str(PROJECT_DIR)}

    def run(*args):
        out = run_isolated(METRICFLOW, ["mf", *args], cwd=PROJECT_DIR, env=env)
        assert out.returncode == 0, (out.stdout + out.stderr)[-4000:]
        return out

    def query(metrics: str, *extra: str) -> list[dict]:
        result = root / f"{metrics.replace(',', '_')}{len(extra)}.csv"
        run("query", "--metrics", metrics, *extra, "--csv", str(result))
        with open(result) as rows:
            return list(csv.DictReader(rows))

    return run, query, pipeline


def test_every_semantic_model_and_metric_is_valid_against_the_warehouse(mf):
    run, _, _ = mf
    out = run("validate-configs")
    assert "ERRORS: 0" in out.stdout and "validated metrics against data warehouse" in out.stdout


def test_headline_metrics_equal_the_marts(mf):
    _, query, pipeline = mf
    (row,) = query("customers,repeat_rate,average_clv,nps,care_within_one_hour,revenue_per_engaged_minute,"
                   "top_20pct_revenue_share,net_revenue,orders")
    (expected,) = pipeline.query("""select
        (select count(*) from marts.dim_customers),
        (select count(*) filter (where is_repeat_buyer) / nullif(count(*) filter (where orders > 0), 0)
         from marts.customer_loyalty),
        (select sum(historical_clv) / nullif(count(*) filter (where orders > 0), 0) from marts.customer_loyalty),
        (select 100 * (sum(nps_promoters) - sum(nps_detractors)) / nullif(sum(nps_responses), 0)
         from marts.loyalty_kpis_monthly),
        (select sum(care_tickets_within_target) / nullif(sum(care_tickets - care_tickets_pending), 0)
         from marts.loyalty_kpis_monthly),
        (select sum(engaged_customer_revenue) / nullif(sum(engaged_minutes), 0) from marts.loyalty_kpis_monthly),
        (select top_20pct_revenue_share from marts.loyalty_kpis_monthly order by month_start desc limit 1),
        (select sum(net_amount) from marts.fct_orders),
        (select count(*) from marts.fct_orders where status = 'placed')""")
    names = ["customers", "repeat_rate", "average_clv", "nps", "care_within_one_hour", "revenue_per_engaged_minute",
             "top_20pct_revenue_share", "net_revenue", "orders"]
    computed = 0
    for name, value in zip(names, expected):
        if value is None:  # a rate without a denominator in the small demo (e.g. no care ticket answered yet)
            assert row[name] == "", name
            continue
        assert float(row[name]) == pytest.approx(float(value), rel=1e-9), name
        computed += 1
    assert computed >= 6


def test_monthly_nps_and_retention_by_month_equal_the_marts(mf):
    _, query, pipeline = mf
    monthly = {r["metric_time__month"][:10]: float(r["nps"]) for r in query("nps", "--group-by", "metric_time__month")
               if r["nps"]}
    marts = {str(m): nps for m, nps in pipeline.query(
        "select month_start, nps from marts.loyalty_kpis_monthly where nps is not null")}
    assert monthly.keys() == marts.keys() and monthly
    assert all(monthly[m] == pytest.approx(marts[m]) for m in marts)
    retention = {int(r["cohort_cell__months_since_first_purchase"]): float(r["retention_rate"])
                 for r in query("retention_rate", "--group-by", "cohort_cell__months_since_first_purchase")}
    expected = dict(pipeline.query("""select months_since_first_purchase, sum(customers_retained) / sum(cohort_size)
                                      from marts.cohort_retention group by 1"""))
    assert retention == pytest.approx(expected) and retention[0] == 1.0
