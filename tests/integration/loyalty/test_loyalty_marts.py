"""The loyalty marts built by real dbt on a hand-made population, as of two dates, plus the CLV step."""

from __future__ import annotations

import datetime as dt
import shutil

import duckdb
import pytest

from customer360.clv import clv_check, run_clv
from tests import warehouse as dbt_warehouse

from .conftest import query


def _by_customer(warehouse) -> dict[str, dict]:
    return {r["customer_id"]: r for r in query(warehouse, "select * from marts.customer_loyalty")}


def test_every_model_and_test_passed_including_the_consent_and_cap_assertions(june):
    _, results = june
    statuses = {r["unique_id"]: r["status"] for r in results["results"]}

    assert set(statuses.values()) <= {"success", "pass", "no-op"}  # no-op: exposures
    for name in ("assert_marketing_audiences_are_consented", "assert_marketing_audiences_respect_frequency_cap",
                 "assert_rfm_segments_cover_every_score_once", "customer_loyalty", "loyalty_kpis_monthly",
                 "cohort_retention", "marketing_audiences"):
        assert any(uid.endswith(f".{name}") for uid in statuses), name


def test_customer_loyalty_as_of_june(june, june_ids):
    warehouse, _ = june
    ids = june_ids
    customers = _by_customer(warehouse)

    assert set(customers) == {ids[c] for c in ("C1", "C2", "C4", "C5", "C6", "C7")}  # C3 erased
    alice = customers[ids["C1"]]
    # O1 O2 O3 online + P1 P2 in store; the 500 order of 5 July is after as_of_date
    assert (alice["orders"], alice["revenue"], alice["average_order_value"]) == (5, 300.0, 60.0)
    assert alice["is_repeat_buyer"] and alice["days_since_last_order"] == 5
    assert (alice["recency_score"], alice["frequency_score"], alice["rfm_segment"]) == (4, 5, "loyal")
    assert (alice["loyalty_tier"], alice["loyalty_points_balance"]) == ("gold", 6500)
    assert (alice["latest_nps_score"], alice["latest_nps_category"]) == (10, "promoter")
    # 8 page pings 10 s apart: 10 x 7 + 5 = 75 s = 1.25 minutes; June revenue 80 + 40 = 120 -> 96 per engaged minute
    assert (alice["sessions_90d"], alice["engaged_minutes_90d"], alice["revenue_90d"]) == (1, 1.25, 120.0)
    assert alice["revenue_per_engaged_minute_90d"] == 96.0
    assert (alice["care_tickets"], alice["median_first_response_minutes"]) == (2, (1010 + 3910) / 2)
    assert alice["marketing_consent_channels"] == "email,sms" and alice["has_profiling_consent"]

    assert customers[ids["C5"]]["rfm_segment"] == "prospect" and customers[ids["C5"]]["orders"] == 0
    assert customers[ids["C5"]]["revenue_per_engaged_minute_90d"] is None  # no engaged time
    assert customers[ids["C4"]]["rfm_segment"] == "new"
    assert customers[ids["C7"]]["is_churned"] and customers[ids["C7"]]["rfm_segment"] == "lost"
    assert not customers[ids["C2"]]["has_marketing_consent"]  # withdrawn on 10 June


def test_monthly_kpis_as_of_june(june):
    warehouse, _ = june
    months = {r["month_start"]: r for r in query(warehouse, "select * from marts.loyalty_kpis_monthly")}

    assert min(months) == dt.date(2024, 10, 1) and max(months) == dt.date(2025, 6, 1)
    june_kpis, march, may = months[dt.date(2025, 6, 1)], months[dt.date(2025, 3, 1)], months[dt.date(2025, 5, 1)]
    assert march["churned_customers"] == 1  # Heidi: 181 days after 1 October
    assert (march["nps_responses"], march["nps"]) == (1, 100.0)
    assert (june_kpis["nps_responses"], june_kpis["nps"]) == (3, 0.0)  # 10, 3, 8
    # T1 within, T2 breached, T4 pending (left out): 1 of 2
    assert (june_kpis["care_tickets"], june_kpis["care_within_target_rate"]) == (3, 0.5)
    assert may["care_within_target_rate"] == 1.0  # T3, over the bank holiday Monday
    assert (may["emails_sent"], may["reachable_customers"], may["contact_pressure"]) == (3, 3, 1.0)
    assert may["email_open_rate"] == pytest.approx(1 / 3)
    assert june_kpis["reachable_customers"] == 2  # Bob withdrew
    assert june_kpis["revenue_per_engaged_minute"] == 96.0  # Alice's 120 over her 1.25 engaged minutes


def test_marketing_audiences_are_consented_and_capped(june, june_ids):
    warehouse, _ = june
    members = query(warehouse, "select audience, customer_id, channel, prior_contacts_in_window "
                               "from marts.marketing_audiences order by audience, customer_id")

    # Alice qualifies for birthday_this_month and promoters_review_ask, but with 2 campaigns already
    # sent this week and a cap of 3 only the higher-priority birthday audience is left; Eve's push
    # consent reaches her about her cart; Carol (erased) and Bob (consent withdrawn) never appear.
    assert members == [
        {"audience": "birthday_this_month", "customer_id": june_ids["C1"], "channel": "email", "prior_contacts_in_window": 2},
        {"audience": "cart_abandoners", "customer_id": june_ids["C5"], "channel": "push", "prior_contacts_in_window": 0},
    ]


def test_an_unconsented_or_erased_audience_member_fails_the_consent_test(june, june_ids, tmp_path):
    """The consent and erasure rule of audiences lives once, in assert_marketing_audiences_are_consented:
    slip two members past the mart and the test names both."""
    warehouse = tmp_path / june[0].name  # the same file name: the same catalog for dbt's SQL
    shutil.copy(june[0], warehouse)
    with duckdb.connect(str(warehouse)) as con:
        for customer_id in (june_ids["C2"], "c-erased"):  # Bob withdrew email consent; nobody holds c-erased
            con.execute("""insert into marts.marketing_audiences
                           select * replace (? as customer_id, 'email' as channel)
                           from marts.marketing_audiences limit 1""", [customer_id])
    result = dbt_warehouse.run_dbt(warehouse, "test", "--select", "assert_marketing_audiences_are_consented",
                                   target_path=tmp_path / "target")
    assert result.returncode != 0, result.stdout[-3000:]
    assert "Got 2 results" in result.stdout


def test_rebuilding_as_of_an_earlier_date_gives_that_dates_answers(march, march_ids):
    warehouse, _ = march
    ids = march_ids
    customers = _by_customer(warehouse)
    alice, bob = customers[ids["C1"]], customers[ids["C2"]]

    assert {r["as_of_date"] for r in customers.values()} == {dt.date(2025, 3, 31)}
    assert (alice["orders"], alice["revenue"]) == (3, 180.0)  # Jan 5, Feb 10, store Mar 3
    assert (alice["loyalty_points_balance"], alice["loyalty_tier"]) == (3000, "silver")
    assert alice["latest_nps_score"] is None
    assert (bob["latest_nps_score"], bob["latest_nps_category"]) == (9, "promoter")  # June's 3 not given yet
    assert bob["has_marketing_consent"] and bob["marketing_consent_channels"] == "email"
    assert customers[ids["C4"]]["rfm_segment"] == "prospect"  # Dan first buys in June
    # rebuilding as of an earlier date after the erasure request (20 March) does not bring Carol back:
    # she is not in the bridge (march_ids) and nobody else is here
    assert set(customers) == {ids[c] for c in ("C1", "C2", "C4", "C5", "C6", "C7")}

    months = query(warehouse, "select max(month_start) as last_month, max(churned_customers) as churned "
                              "from marts.loyalty_kpis_monthly")
    assert months == [{"last_month": dt.date(2025, 3, 1), "churned": 1}]
    cohorts = query(warehouse, "select max(activity_month) as last from marts.cohort_retention")
    assert cohorts == [{"last": dt.date(2025, 3, 1)}]


def test_clv_step_reads_fct_orders_writes_its_tables_and_bi_joins_them_on_customer_id(june, june_ids):
    warehouse, _ = june
    con = duckdb.connect(str(warehouse))
    try:
        summary = run_clv(con, holdout_weeks=4)
        predictions = {r[0]: r[1:] for r in con.execute(
            "select customer_id, probability_alive, predicted_clv_12m, as_of_date from marts.clv_predictions").fetchall()}
        fits = con.execute("select model, as_of_date, customers from marts.clv_model_fit order by model").fetchall()
    finally:
        con.close()

    assert summary["as_of_date"] == "2025-06-30"
    # buyers of dim_customers only: Carol's (erased) orders are not fitted; the July order is ignored
    assert set(predictions) == {june_ids[c] for c in ("C1", "C2", "C4", "C6", "C7")}
    assert fits == [("bg_nbd", dt.date(2025, 6, 30), 5), ("gamma_gamma", dt.date(2025, 6, 30), 2)]
    passed, metadata = clv_check(summary["fit_rows"], max_holdout_error=1.0)
    assert isinstance(passed, bool) and "failures" in metadata  # five customers: a fit, not a good one

    joined = {r["customer_id"]: r for r in query(warehouse, "select loyalty.customer_id, probability_alive, "
              "predicted_clv_12m from marts.customer_loyalty as loyalty "
              "left join marts.clv_predictions as predictions on loyalty.customer_id = predictions.customer_id")}
    for customer_id, (alive, clv, _) in predictions.items():
        assert joined[customer_id]["probability_alive"] == alive
        assert joined[customer_id]["predicted_clv_12m"] == clv
    assert joined[june_ids["C5"]]["probability_alive"] is None  # never bought: no prediction
