"""fit_and_predict / run_clv / clv_check: from purchases to the two tables, as of a date."""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import numpy as np
import pandas as pd
import pytest

from customer360.clv import clv_check, fit_and_predict, holdout_evaluation, run_clv
from customer360.clv.simulate import simulate_transactions
from customer360.clv.summary import customer_summary, register_transactions

from .conftest import CDNOW_BGNBD, CDNOW_GAMMA_GAMMA

CDNOW_END = dt.date(1998, 6, 30)


def _params(fit_rows: pd.DataFrame, model: str) -> dict:
    return json.loads(fit_rows.set_index("model").loc[model, "parameters"])


def test_summary_counts_repeat_purchases_per_distinct_day_in_weeks():
    purchases = pd.DataFrame({
        "customer_id": ["a", "a", "a", "a", "b"],
        "ordered_at": pd.to_datetime(["2025-01-01 09:00", "2025-01-01 18:00", "2025-01-15 00:00", "2025-02-01 00:00", "2025-01-29 00:00"]),
        "amount": [10.0, 5.0, 20.0, 99.0, 7.0],
    })
    con = duckdb.connect()
    register_transactions(con, purchases)

    summary = customer_summary(con, dt.date(2025, 1, 29)).set_index("customer_id")  # 2025-02-01 is after

    assert summary.loc["a", "frequency"] == 1  # two orders on Jan 1 are one purchase day; Jan 15 repeats
    assert summary.loc["a", "recency"] == pytest.approx(2.0)
    assert summary.loc["a", "T"] == pytest.approx(4.0)
    assert summary.loc["a", "monetary_value"] == pytest.approx(20.0)  # the first day is not a repeat
    assert summary.loc["b", "frequency"] == 0 and summary.loc["b", "T"] == 0


def test_calibration_fit_on_raw_cdnow_purchases_reproduces_the_published_parameters(cdnow_transactions):
    # 1998-06-30 minus 39 weeks is 1997-09-30, the end of FHL's calibration period
    con = duckdb.connect()
    register_transactions(con, cdnow_transactions)

    holdout = holdout_evaluation(con, CDNOW_END, holdout_weeks=39)

    assert holdout.calibration_end == dt.date(1997, 9, 30)
    for fitted, published in ((holdout.bgnbd.params, CDNOW_BGNBD), (holdout.gamma_gamma.params, CDNOW_GAMMA_GAMMA)):
        for name, value in published.items():
            assert fitted[name] == pytest.approx(value, rel=0.01), name
    # the holdout: 39 weeks of repeat purchase days by the same 2,357 customers
    assert holdout.purchases_actual == 1882
    assert holdout.purchases_predicted == pytest.approx(1653, rel=0.01)


def test_fit_and_predict_writes_one_row_per_model_and_sane_predictions(cdnow_transactions):
    fit_rows, predictions = fit_and_predict(cdnow_transactions, CDNOW_END, holdout_weeks=39)

    assert list(fit_rows["model"]) == ["bg_nbd", "gamma_gamma"]
    assert fit_rows["converged"].all()
    assert fit_rows["fit_id"].nunique() == 1
    assert (fit_rows["holdout_error"] < 0.15).all()  # BG/NBD ~12% low on CDNOW's holdout, spend ~4%
    assert set(_params(fit_rows, "bg_nbd")) == {"r", "alpha", "a", "b"}

    assert len(predictions) == 2357 and predictions["customer_id"].is_unique
    assert predictions["probability_alive"].between(0, 1).all()
    assert (predictions["predicted_purchases_12m"] >= 0).all()
    assert (predictions["predicted_clv_12m"] <= predictions["predicted_purchases_12m"]
            * predictions["expected_average_spend"] + 1e-9).all()  # discounting only lowers it
    # the population's expected purchases over the next year are of the order of the past year's
    last_year = cdnow_transactions[cdnow_transactions["ordered_at"] > "1997-06-30"]
    past_days = last_year.drop_duplicates(["customer_id", "ordered_at"]).shape[0]
    assert 0.5 * past_days < predictions["predicted_purchases_12m"].sum() < 1.2 * past_days


def test_purchases_after_the_as_of_date_change_nothing(cdnow_transactions):
    later = pd.DataFrame({"customer_id": ["00001", "99999"], "ordered_at": pd.to_datetime(["1998-07-02", "1998-08-01"]),
                          "amount": [1000.0, 50.0]})
    base_fit, base_pred = fit_and_predict(cdnow_transactions, CDNOW_END, holdout_weeks=39)
    more_fit, more_pred = fit_and_predict(pd.concat([cdnow_transactions, later]), CDNOW_END, holdout_weeks=39)

    assert list(base_fit["parameters"]) == list(more_fit["parameters"])
    pd.testing.assert_frame_equal(base_pred.drop(columns="fit_id"), more_pred.drop(columns="fit_id"))


def test_parameters_are_recovered_from_simulated_customers():
    truth = {"r": 0.5, "alpha": 6.0, "a": 0.8, "b": 3.0}
    purchases = simulate_transactions(20_000, truth, CDNOW_GAMMA_GAMMA, dt.date(2023, 1, 1), 180,
                                      dt.date(2024, 12, 31), seed=7)
    fit_rows, _ = fit_and_predict(purchases, "2024-12-31", holdout_weeks=26)

    fitted = _params(fit_rows, "bg_nbd")
    assert fitted["r"] == pytest.approx(truth["r"], rel=0.15)
    assert fitted["alpha"] == pytest.approx(truth["alpha"], rel=0.15)
    # the dropout mean a/(a+b) is well identified even when a and b trade off
    assert fitted["a"] / (fitted["a"] + fitted["b"]) == pytest.approx(0.8 / 3.8, rel=0.15)
    assert fit_rows.set_index("model").loc["bg_nbd", "holdout_error"] < 0.1


def test_without_repeat_buyers_predictions_are_null_and_the_check_fails():
    one_each = pd.DataFrame({"customer_id": ["a", "b", "c"], "ordered_at": pd.to_datetime(["2025-01-01"] * 3),
                             "amount": [10.0, 20.0, 30.0]})
    fit_rows, predictions = fit_and_predict(one_each, "2025-06-30", holdout_weeks=4)

    assert not fit_rows["converged"].any()
    assert len(predictions) == 3
    assert predictions[["predicted_purchases_12m", "probability_alive", "predicted_clv_12m"]].isna().all().all()
    passed, metadata = clv_check(fit_rows)
    assert not passed and any("did not converge" in f for f in metadata["failures"])


def test_clv_check_fails_on_a_large_holdout_error_or_a_missing_evaluation():
    good = {"model": "bg_nbd", "converged": True, "holdout_error": 0.05}
    spend = {"model": "gamma_gamma", "converged": True, "holdout_error": 0.02}

    assert clv_check([good, spend], max_holdout_error=0.1)[0]
    assert not clv_check([good, spend], max_holdout_error=0.04)[0]
    assert not clv_check([good, {**spend, "holdout_error": None}])[0]
    assert not clv_check([])[0]


def test_run_clv_reads_fct_orders_and_writes_both_tables(tmp_path, cdnow_transactions):
    con = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    con.execute("create schema marts; create schema intermediate")
    con.register("tx", cdnow_transactions)
    con.execute("""create table marts.fct_orders as
        select customer_id, ordered_at, amount as net_amount, 'placed' as status from tx
        union all select '00001', timestamp '1998-01-05', 500.0, 'cancelled'""")  # a cancelled order is no purchase
    con.execute("create table intermediate.int_calendar__as_of_date as select date '1998-06-30' as as_of_date")

    first = run_clv(con, holdout_weeks=39)
    second = run_clv(con, as_of_date="1997-12-31", holdout_weeks=13)

    assert first["converged"] and first["customers"] == 2357 and first["as_of_date"] == "1998-06-30"
    fits = con.execute("select fit_id, model, as_of_date from marts.clv_model_fit order by fitted_at, model").fetchall()
    assert [(m, str(d)) for _, m, d in fits] == [
        ("bg_nbd", "1998-06-30"), ("gamma_gamma", "1998-06-30"), ("bg_nbd", "1997-12-31"), ("gamma_gamma", "1997-12-31")]
    # predictions are replaced, not appended: only the latest as_of_date remains
    assert con.execute("select distinct as_of_date, fit_id from marts.clv_predictions").fetchall() == [
        (dt.date(1997, 12, 31), second["fit_id"])]
    types = dict(con.execute("select column_name, data_type from information_schema.columns "
                             "where table_name = 'clv_model_fit'").fetchall())
    assert types["parameters"] == "VARCHAR" and types["converged"] == "BOOLEAN"
    assert np.isclose(json.loads(first["models"]["bg_nbd"]["parameters"])["r"], CDNOW_BGNBD["r"], rtol=0.1)


def test_a_history_too_short_to_judge_leaves_every_prediction_null_and_only_warns():
    """30 days of purchases: the 13-week holdout cannot be evaluated, so nothing is predicted (no -inf, no guess)
    and the check says 'not evaluable', which the Dagster check reports as a warning, not a veto."""
    purchases = simulate_transactions(400, {"r": 0.5, "alpha": 2.0, "a": 0.8, "b": 3.0}, CDNOW_GAMMA_GAMMA,
                                      dt.date(2025, 1, 1), 30, dt.date(2025, 1, 30), seed=3)
    fit_rows, predictions = fit_and_predict(purchases, "2025-01-30")

    assert len(predictions) > 300
    predicted = ["predicted_purchases_12m", "probability_alive", "expected_average_spend", "predicted_clv_12m"]
    assert predictions[predicted].isna().all().all()
    assert fit_rows["message"].str.contains("predictions left NULL: the history is too short").all()
    passed, metadata = clv_check(fit_rows)
    assert not passed and metadata["not_evaluable_only"]


def test_a_prediction_that_is_not_a_finite_non_negative_number_is_null():
    from customer360.clv.pipeline import _finite

    values = _finite([1.5, -np.inf, np.inf, np.nan, -0.1, 0.0], 0.0)
    assert values[0] == 1.5 and values[5] == 0.0 and np.isnan(values[1:5]).all()
    assert np.isnan(_finite([1.2], 0.0, 1.0)).all()  # a probability above 1
