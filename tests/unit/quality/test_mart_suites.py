"""The mart suites on small hand-made marts: what each rule catches, what the on-call is shown."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from customer360.quality.gx_validation import BLOCKING, WARNING, combine_batches
from customer360.quality.mart_suites import BY_TABLE, SUITES

PROJECT_DIR = Path(__file__).resolve().parents[3]
AS_OF = pd.Timestamp("2025-03-31")


# what dbt's manifest would say: every mart in schema marts, the intermediate models the suites join
RELATIONS = {**{s.table: f"marts.{s.table}" for s in SUITES},
             **{name: f"intermediate.{name}" for name in ("int_calendar__as_of_date", "int_identity__erased_identifiers")}}


def validator(docs_dir=None, batch_rows: int = 250_000):
    from customer360.quality.mart_suites import MartValidator

    return MartValidator(RELATIONS, docs_dir=docs_dir, batch_rows=batch_rows)


@pytest.fixture(scope="module")
def mart_validator(tmp_path_factory):
    return validator(tmp_path_factory.mktemp("docs") / "marts")


def _table(con, relation: str, rows: list[dict]) -> None:
    schema = relation.split(".")[0]
    con.execute(f"create schema if not exists {schema}")
    frame = pd.DataFrame(rows)
    con.register("frame", frame)
    con.execute(f"create or replace table {relation} as select * from frame")
    con.unregister("frame")


@pytest.fixture
def con(tmp_path):
    con = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    _table(con, "intermediate.int_calendar__as_of_date", [{"as_of_date": AS_OF.date()}])
    _table(con, "intermediate.int_identity__erased_identifiers",
           [{"identifier_type": "email", "identifier_value": "gone@mail.test"}])
    yield con
    con.close()


KPI = {  # one sane month of loyalty_kpis_monthly
    "month_start": pd.Timestamp("2025-03-01").date(), "nps": 20.0, "repeat_purchase_rate": 0.3,
    "top_20pct_revenue_share": 0.6, "care_within_target_rate": 0.9, "email_open_rate": 0.4,
    "email_click_rate": 0.1, "email_unsubscribe_rate": 0.01, "contact_pressure": 1.5, "active_customers": 50,
    "purchasing_customers": 20, "new_customers": 5, "reactivated_customers": 1, "churned_customers": 2,
    "orders": 25, "revenue": 1000.0, "nps_responses": 10, "care_tickets": 3, "emails_sent": 80,
    "engaged_minutes": 120.0,
}


def test_every_public_mart_has_a_suite():
    models = {p.stem for p in (PROJECT_DIR / "models" / "marts").glob("*/*.sql")}
    assert models | {"clv_model_fit", "clv_predictions"} == set(BY_TABLE)
    assert all(BLOCKING in s.severities for s in SUITES)


def test_nps_and_rates_out_of_range_block_with_the_values_shown(con, mart_validator):
    _table(con, "marts.loyalty_kpis_monthly", [
        KPI,
        {**KPI, "month_start": pd.Timestamp("2025-02-01").date(), "nps": 150.0, "repeat_purchase_rate": 1.2},
        {**KPI, "month_start": pd.Timestamp("2025-01-01").date(), "top_20pct_revenue_share": -0.1,
         "contact_pressure": 40.0},
    ])
    result = mart_validator.validate_mart(con, "loyalty_kpis_monthly", run_name="t-kpi")
    blocking, warning = result.checks[BLOCKING], result.checks[WARNING]
    assert not blocking["passed"]
    m = blocking["metadata"]
    assert m["failed_expectations"] == [
        "expect_column_values_to_be_between(nps)",
        "expect_column_values_to_be_between(repeat_purchase_rate)",
        "expect_column_values_to_be_between(top_20pct_revenue_share)",
    ]
    assert m["unexpected_counts"]["expect_column_values_to_be_between(nps)"] == 1
    assert m["samples"]["expect_column_values_to_be_between(nps)"] == [150.0]
    assert not warning["passed"]  # 40 emails per reachable customer in a month
    assert warning["metadata"]["samples"] == {"expect_column_values_to_be_between(contact_pressure)": [40.0]}
    page = Path(result.docs_path)
    assert page.is_file() and "nps" in page.read_text()


def test_revenue_without_orders_names_the_customer(con, mart_validator):
    _table(con, "marts.fct_orders", [{"order_id": "o-1", "customer_id": "c-1"}])
    base = {"orders": 1, "revenue": 10.0, "frequency_score": 1, "monetary_score": 1, "latest_nps_score": 9,
            "sessions_90d": 1, "engaged_minutes_90d": 2.0, "days_since_last_order": 3, "average_order_value": 10.0}
    _table(con, "marts.customer_loyalty", [
        {**base, "customer_id": "c-1"},
        {**base, "customer_id": "c-2", "orders": 0},  # revenue, no orders here nor in fct_orders
        {**base, "customer_id": "c-3"},  # has orders here, none in fct_orders
    ])
    result = mart_validator.validate_mart(con, "customer_loyalty", run_name="t-loyalty", docs=False)
    m = result.checks[BLOCKING]["metadata"]
    assert m["samples"]["expect_column_values_to_be_null(revenue_without_orders)"] == ["c-2"]
    assert sorted(m["samples"]["expect_column_values_to_be_null(revenue_without_fct_orders)"]) == ["c-2", "c-3"]
    assert result.checks[WARNING]["passed"]


def test_a_probability_outside_zero_to_one_blocks_the_clv_predictions(con, mart_validator):
    base = {"probability_alive": 0.5, "predicted_purchases_12m": 1.0, "expected_average_spend": 5.0,
            "predicted_clv_12m": 5.0}
    _table(con, "marts.clv_predictions", [{**base, "customer_id": "c-1"},
                                          {**base, "customer_id": "c-3", "probability_alive": 1.7}])
    result = mart_validator.validate_mart(con, "clv_predictions", run_name="t-clv", docs=False)
    m = result.checks[BLOCKING]["metadata"]
    assert m["samples"] == {"expect_column_values_to_be_between(probability_alive)": [1.7]}


def test_audience_members_need_an_address_for_their_channel(con, mart_validator):
    """(Consent and erasure of members: the dbt test assert_marketing_audiences_are_consented, its one home.)"""
    consent = {f"consent_marketing_{c}": False for c in ("email", "sms", "push", "ads")}
    _table(con, "marts.dim_customers", [
        {"customer_id": "c-ok", "email": "a@mail.test", "phone": None, **consent, "consent_marketing_email": True},
        {"customer_id": "c-no", "email": "b@mail.test", "phone": None, **consent, "consent_marketing_ads": True},
        {"customer_id": "c-nomail", "email": None, "phone": None, **consent, "consent_marketing_email": True},
    ])
    member = {"prior_contacts_in_window": 0, "audience_rank": 1}
    _table(con, "marts.marketing_audiences", [
        {"customer_id": "c-ok", "channel": "email", **member},
        {"customer_id": "c-no", "channel": "ads", **member},
        {"customer_id": "c-nomail", "channel": "email", **member},  # no email address to send to
    ])
    result = mart_validator.validate_mart(con, "marketing_audiences", run_name="t-aud", docs=False)
    m = result.checks[BLOCKING]["metadata"]
    assert m["samples"] == {"expect_column_values_to_be_null(member_without_address)": ["c-nomail"]}


def test_a_big_mart_is_validated_in_bounded_batches_and_folded(con, mart_validator):
    con.execute("create schema if not exists marts")
    con.execute("""create table marts.fct_sessions as
        select 's-' || i as session_id, case when i % 1000 = 0 then -5 else 60 end as engaged_seconds,
               120 as duration_seconds, 3 as event_count,
               timestamp '2025-03-01 10:00:00' as started_at, timestamp '2025-03-01 10:02:00' as ended_at
        from range(10000) as t(i)""")
    result = validator(batch_rows=1000).validate_mart(con, "fct_sessions", run_name="t-batches", docs=False)
    assert (result.rows, result.batches) == (10000, 10)
    m = result.checks[BLOCKING]["metadata"]
    assert m["unexpected_counts"] == {"expect_column_values_to_be_between(engaged_seconds)": 10}
    assert m["samples"]["expect_column_values_to_be_between(engaged_seconds)"] == [-5] * 5
    assert (m["batches"], m["batches_failed"]) == (10, 10)


def test_an_empty_mart_passes():
    # nothing to vouch against: the dbt tests and contracts cover a table that should not be empty
    with duckdb.connect() as con:
        con.execute("create schema marts; create schema intermediate")
        con.execute("create table intermediate.int_calendar__as_of_date as select date '2025-01-01' as as_of_date")
        con.execute("create table marts.fct_abandoned_carts (cart_id varchar, cart_value double, hours_idle bigint)")
        result = validator().validate_mart(con, "fct_abandoned_carts", run_name="t-empty")
    assert result.rows == 0 and result.checks[BLOCKING]["passed"] and result.docs_path is None


def test_combine_batches_sums_counts_and_caps_samples():
    def batch(n, values):
        label = "expect_column_values_to_be_between(x)"
        return {"passed": not n, "metadata": {"evaluated": 2, "failed_expectations": [label] if n else [],
                                              "unexpected_counts": {label: n} if n else {},
                                              "samples": {label: values} if n else {}, "observed": {}}}

    folded = combine_batches([batch(3, [1, 2, 3]), batch(0, []), batch(4, [4, 5, 6, 7])], BLOCKING)
    m = folded["metadata"]
    assert not folded["passed"] and m["failed"] == 1 and m["success_percent"] == 50.0
    assert m["unexpected_counts"] == {"expect_column_values_to_be_between(x)": 7}
    assert m["samples"] == {"expect_column_values_to_be_between(x)": [1, 2, 3, 4, 5]}
    assert (m["batches"], m["batches_failed"]) == (3, 2)
