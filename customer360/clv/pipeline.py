"""The CLV step: fit BG/NBD + Gamma-Gamma as of a date, evaluate on a holdout, predict, write two tables.

Table in: marts.fct_orders (purchases = orders neither cancelled nor returned).
Tables out (schema marts, written by this step, not by dbt):
    clv_model_fit    append-only, one row per model per fit: parameters (JSON text), log-likelihood,
                     customers, as_of_date, converged, holdout evaluation, fitted_at.
    clv_predictions  replaced on each run: one row per customer with a purchase on or before as_of_date.
Both are terminal marts: nothing in dbt reads them; BI joins clv_predictions on customer_id.

Holdout evaluation: the models are also fitted on purchases up to as_of_date minus holdout_weeks (the
calibration window) and predict that window's customers' repeat purchase days (BG/NBD) and revenue given
their actual purchase days (Gamma-Gamma) in the holdout weeks; holdout_error is the relative error of
the total, |predicted - actual| / actual. The predictions themselves come from the fit on everything up
to as_of_date.

Fallback when a fit does not converge (or cannot run: no repeat buyers): its row says converged = false
with the optimiser's message; BG/NBD not converged -> predicted_purchases_12m, probability_alive,
predicted_clv_12m are NULL; Gamma-Gamma not converged -> expected_average_spend and predicted_clv_12m are
NULL. Historical CLV (revenue to date, in customer_loyalty) is unaffected. clv_check then fails, so a
blocking asset check keeps the publish step from shipping it.

CLV = sum over the next 12 months of (expected purchases in month m) x (expected average spend),
discounted by (1 + monthly_discount_rate)^m; default 1% a month (~12.7% a year). Revenue, not margin.
"""

from __future__ import annotations

import datetime as dt
import json
import time
import uuid
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

from . import models
from .summary import customer_summary, holdout_actuals, register_transactions

DEFAULT_HOLDOUT_WEEKS = 13
DEFAULT_HORIZON_MONTHS = 12
DEFAULT_MONTHLY_DISCOUNT_RATE = 0.01
DEFAULT_MAX_HOLDOUT_ERROR = 0.3

SCHEMA = "marts"
OUTPUT_TABLES = {"clv_model_fit": f"{SCHEMA}.clv_model_fit", "clv_predictions": f"{SCHEMA}.clv_predictions"}

FIT_COLUMNS = {
    "fit_id": "varchar",
    "model": "varchar",
    "parameters": "varchar",
    "log_likelihood": "double",
    "customers": "bigint",
    "as_of_date": "date",
    "converged": "boolean",
    "holdout_weeks": "integer",
    "holdout_predicted": "double",
    "holdout_actual": "double",
    "holdout_error": "double",
    "message": "varchar",
    "fitted_at": "timestamp",
}
PREDICTION_COLUMNS = {
    "customer_id": "varchar",
    "predicted_purchases_12m": "double",
    "probability_alive": "double",
    "expected_average_spend": "decimal(18,2)",  # money: exact to the cent like the marts
    "predicted_clv_12m": "decimal(18,2)",
    "as_of_date": "date",
    "fit_id": "varchar",
}


@dataclass
class HoldoutResult:
    calibration_end: dt.date
    bgnbd: models.FitResult | None
    gamma_gamma: models.FitResult | None
    purchases_predicted: float | None
    purchases_actual: float | None
    revenue_predicted: float | None
    revenue_actual: float | None

    @staticmethod
    def error(predicted, actual) -> float | None:
        if predicted is None or actual is None or actual == 0 or not np.isfinite(predicted):
            return None
        return abs(predicted - actual) / actual


def _as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _connection_for(source) -> duckdb.DuckDBPyConnection:
    if isinstance(source, duckdb.DuckDBPyConnection):
        register_transactions(source, None)
        return source
    con = duckdb.connect()
    register_transactions(con, source)
    return con


def holdout_evaluation(con: duckdb.DuckDBPyConnection, as_of_date: dt.date, holdout_weeks: int) -> HoldoutResult:
    """Fit on purchases up to as_of_date - holdout_weeks, predict the holdout, compare with what happened."""
    calibration_end = as_of_date - dt.timedelta(weeks=holdout_weeks)
    calibration = customer_summary(con, calibration_end)
    if holdout_weeks <= 0 or calibration.empty:
        return HoldoutResult(calibration_end, None, None, None, None, None, None)
    actual = holdout_actuals(con, calibration_end, as_of_date).set_index("customer_id")
    calibration = calibration.join(actual, on="customer_id")
    x, t_x, T = calibration["frequency"], calibration["recency"], calibration["T"]
    bgnbd = models.fit_bgnbd(x, t_x, T)
    gamma = models.fit_gamma_gamma(x, calibration["monetary_value"])
    purchases_predicted = revenue_predicted = None
    if bgnbd.converged:
        purchases_predicted = float(np.sum(models.bgnbd_expected_purchases(bgnbd.params, holdout_weeks, x, t_x, T)))
    if gamma.converged:
        spend = models.gamma_gamma_expected_spend(gamma.params, x, calibration["monetary_value"])
        revenue_predicted = float(np.sum(spend * calibration["holdout_purchases"]))
    return HoldoutResult(
        calibration_end, bgnbd, gamma, purchases_predicted, float(calibration["holdout_purchases"].sum()),
        revenue_predicted, float(calibration["holdout_revenue"].sum()),
    )


def fit_and_predict(
    source,
    as_of_date,
    holdout_weeks: int = DEFAULT_HOLDOUT_WEEKS,
    horizon_months: int = DEFAULT_HORIZON_MONTHS,
    monthly_discount_rate: float = DEFAULT_MONTHLY_DISCOUNT_RATE,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Fit both models on purchases up to as_of_date and predict per customer.

    source: a DataFrame of purchases (customer_id, ordered_at, amount), or a DuckDB connection to the
    warehouse (reads marts.fct_orders). Data after as_of_date is ignored.
    Returns (fit_rows: one row per model with the clv_model_fit columns, predictions: clv_predictions).
    """
    as_of_date = _as_date(as_of_date)
    con = _connection_for(source)
    fit_id = uuid.uuid4().hex
    fitted_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)

    holdout = holdout_evaluation(con, as_of_date, holdout_weeks)
    summary = customer_summary(con, as_of_date)
    x, t_x, T, z_bar = summary["frequency"], summary["recency"], summary["T"], summary["monetary_value"]
    bgnbd = models.fit_bgnbd(x, t_x, T)
    gamma = models.fit_gamma_gamma(x, z_bar)

    def fit_row(fit: models.FitResult, predicted, actual) -> dict:
        return {
            "fit_id": fit_id,
            "model": fit.model,
            "parameters": json.dumps({k: round(v, 8) for k, v in fit.params.items()}),
            "log_likelihood": fit.log_likelihood if np.isfinite(fit.log_likelihood) else None,
            "customers": fit.customers,
            "as_of_date": as_of_date,
            "converged": fit.converged,
            "holdout_weeks": holdout_weeks,
            "holdout_predicted": predicted,
            "holdout_actual": actual,
            "holdout_error": HoldoutResult.error(predicted, actual),
            "message": fit.message,
            "fitted_at": fitted_at,
        }

    fit_rows = pd.DataFrame([
        fit_row(bgnbd, holdout.purchases_predicted, holdout.purchases_actual),
        fit_row(gamma, holdout.revenue_predicted, holdout.revenue_actual),
    ], columns=list(FIT_COLUMNS))

    n = len(summary)
    purchases = alive = spend = clv = np.full(n, np.nan)
    if bgnbd.converged and n:
        # predict once per distinct (x, t_x, T): the hypergeometric terms are the expensive part
        (ux, ut, uT), _, inverse = models._collapse(x.to_numpy(float), t_x.to_numpy(float), T.to_numpy(float))
        alive = models.bgnbd_probability_alive(bgnbd.params, ux, ut, uT)[inverse]
        if gamma.converged:
            spend = np.asarray(models.gamma_gamma_expected_spend(gamma.params, x, z_bar), dtype=float)
        monthly = []
        previous = np.zeros_like(ux)
        for month in range(1, horizon_months + 1):
            cumulative = models.bgnbd_expected_purchases(bgnbd.params, month * models.WEEKS_PER_MONTH, ux, ut, uT)
            monthly.append((cumulative - previous)[inverse])
            previous = cumulative
        purchases = previous[inverse]
        if gamma.converged:
            discount = (1 + monthly_discount_rate) ** -np.arange(1, horizon_months + 1)
            clv = (np.column_stack(monthly) @ discount) * spend
    elif gamma.converged and n:
        spend = np.asarray(models.gamma_gamma_expected_spend(gamma.params, x, z_bar), dtype=float)

    predictions = pd.DataFrame({
        "customer_id": summary["customer_id"].astype(str),
        "predicted_purchases_12m": purchases,
        "probability_alive": alive,
        "expected_average_spend": spend,
        "predicted_clv_12m": clv,
        "as_of_date": as_of_date,
        "fit_id": fit_id,
    }, columns=list(PREDICTION_COLUMNS))
    return fit_rows, predictions


def _latest_as_of_date(con: duckdb.DuckDBPyConnection) -> dt.date:
    return _as_date(con.execute("select as_of_date from intermediate.int_calendar__as_of_date").fetchone()[0])


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create the two output tables empty when missing (so readers never fail on their absence)."""
    con.execute("create schema if not exists marts")
    for name, columns in (("clv_model_fit", FIT_COLUMNS), ("clv_predictions", PREDICTION_COLUMNS)):
        cols = ", ".join(f"{c} {t}" for c, t in columns.items())
        con.execute(f"create table if not exists marts.{name} ({cols})")


def run_clv(
    con: duckdb.DuckDBPyConnection,
    as_of_date=None,
    holdout_weeks: int = DEFAULT_HOLDOUT_WEEKS,
    horizon_months: int = DEFAULT_HORIZON_MONTHS,
    monthly_discount_rate: float = DEFAULT_MONTHLY_DISCOUNT_RATE,
) -> dict:
    """Read marts.fct_orders, fit, append to marts.clv_model_fit, replace marts.clv_predictions.

    as_of_date defaults to the warehouse's intermediate.int_calendar__as_of_date. Returns a summary
    for the asset's metadata (and clv_check reads the fit rows it returns).
    """
    started = time.perf_counter()
    as_of_date = _as_date(as_of_date) if as_of_date is not None else _latest_as_of_date(con)
    fit_rows, predictions = fit_and_predict(con, as_of_date, holdout_weeks, horizon_months, monthly_discount_rate)
    ensure_tables(con)
    con.register("clv_fit_rows_df", fit_rows)
    con.register("clv_predictions_df", predictions)
    fit_cols = ", ".join(f"cast({c} as {t}) as {c}" for c, t in FIT_COLUMNS.items())
    pred_cols = ", ".join(f"cast({c} as {t}) as {c}" for c, t in PREDICTION_COLUMNS.items())
    con.execute("begin transaction")
    try:
        con.execute(f"insert into marts.clv_model_fit select {fit_cols} from clv_fit_rows_df")
        con.execute("delete from marts.clv_predictions")
        con.execute(f"insert into marts.clv_predictions select {pred_cols} from clv_predictions_df")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    finally:
        con.unregister("clv_fit_rows_df")
        con.unregister("clv_predictions_df")
    rows = fit_rows.to_dict("records")
    return {
        "fit_id": rows[0]["fit_id"],
        "as_of_date": as_of_date.isoformat(),
        "customers": len(predictions),
        "converged": bool(all(r["converged"] for r in rows)),
        "models": {r["model"]: {k: r[k] for k in ("parameters", "log_likelihood", "converged", "holdout_predicted",
                                                  "holdout_actual", "holdout_error", "message")} for r in rows},
        "fit_rows": rows,
        "seconds": round(time.perf_counter() - started, 2),
    }


def clv_check(fit_rows, max_holdout_error: float = DEFAULT_MAX_HOLDOUT_ERROR) -> tuple[bool, dict]:
    """Pass when every model of the fit converged and its holdout relative error is at most
    max_holdout_error. A missing holdout evaluation (too little history) fails: unknown is not good.
    fit_rows: the rows of one fit (DataFrame or list of dicts, e.g. run_clv(...)['fit_rows'])."""
    rows = fit_rows.to_dict("records") if isinstance(fit_rows, pd.DataFrame) else list(fit_rows)
    if not rows:
        return False, {"reason": "no fit rows"}
    metadata: dict = {"max_holdout_error": max_holdout_error}
    failures = []
    for row in rows:
        error = row.get("holdout_error")
        error = None if error is None or (isinstance(error, float) and np.isnan(error)) else float(error)
        metadata[f"{row['model']}_converged"] = bool(row["converged"])
        metadata[f"{row['model']}_holdout_error"] = error
        if not row["converged"]:
            failures.append(f"{row['model']} did not converge: {row.get('message', '')}")
        elif error is None:
            failures.append(f"{row['model']} has no holdout evaluation")
        elif error > max_holdout_error:
            failures.append(f"{row['model']} holdout error {error:.1%} > {max_holdout_error:.0%}")
    metadata["failures"] = failures
    # failures that only say the data is too short to fit or judge (a new shop, a small demo): not a bad fit
    too_little_data = ("no holdout evaluation", "no repeat purchases", "fewer than 2 repeat customers")
    metadata["not_evaluable_only"] = bool(failures) and all(any(t in f for t in too_little_data) for f in failures)
    return not failures, metadata
