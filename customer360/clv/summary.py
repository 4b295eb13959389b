"""Transactions to the per-customer summary the BTYD models read, computed in DuckDB.

A purchase is an order that was neither cancelled nor returned. Purchases on the same day are one
purchase (their amounts summed): repeat purchases are counted per distinct purchase day, so a basket
split into two orders is not a second visit. Time is in weeks.

    frequency       x: distinct purchase days after the first one, up to the window end
    recency         t_x: weeks from the first to the last purchase day
    T               weeks from the first purchase day to the window end
    monetary_value  mean amount of the repeat purchase days (the first day excluded, as in FHL); 0 if x = 0

Amounts are summed as decimal(18, 2): a sum of doubles depends on the order DuckDB's threads add them
in, and the fit must not move in the fifth digit from one run to the next.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

TRANSACTIONS_VIEW = "clv_transactions"

# What the warehouse path reads: purchases from the journeys mart fct_orders, by customers of
# marts.dim_customers when it exists (erased persons are absent there), as int_loyalty__purchases does.
FCT_ORDERS_SQL = """
    select customer_id, ordered_at, net_amount as amount
    from marts.fct_orders
    where customer_id is not null
      and coalesce(status, 'placed') not in ('cancelled', 'returned')
"""
DIM_CUSTOMERS_FILTER = " and customer_id in (select customer_id from marts.dim_customers)"


def _has_table(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    return con.execute(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?", [schema, table]
    ).fetchone()[0] > 0


def register_transactions(con: duckdb.DuckDBPyConnection, transactions: pd.DataFrame | None) -> None:
    """Expose the purchases as the view clv_transactions(customer_id, ordered_at, amount).

    With a DataFrame: it must have customer_id, ordered_at (date or timestamp) and amount. Without one:
    marts.fct_orders in the connected warehouse (a temp view, so nothing is written).
    """
    if transactions is None:
        sql = FCT_ORDERS_SQL + (DIM_CUSTOMERS_FILTER if _has_table(con, "marts", "dim_customers") else "")
        con.execute(f"create or replace temp view {TRANSACTIONS_VIEW} as {sql}")
        return
    missing = {"customer_id", "ordered_at", "amount"} - set(transactions.columns)
    if missing:
        raise ValueError(f"transactions lack columns {sorted(missing)}")
    con.register("clv_transactions_df", transactions[["customer_id", "ordered_at", "amount"]])
    con.execute(
        f"create or replace temp view {TRANSACTIONS_VIEW} as "
        "select cast(customer_id as varchar) as customer_id, ordered_at, cast(amount as double) as amount "
        "from clv_transactions_df"
    )


def _daily_sql(window_end: dt.date) -> str:
    return f"""
        select customer_id, cast(ordered_at as date) as purchased_on,
               sum(cast(amount as decimal(18, 2))) as amount
        from {TRANSACTIONS_VIEW}
        where cast(ordered_at as date) <= date '{window_end.isoformat()}'
        group by 1, 2
    """


def customer_summary(con: duckdb.DuckDBPyConnection, window_end: dt.date) -> pd.DataFrame:
    """One row per customer with a purchase on or before window_end."""
    return con.execute(f"""
        with daily as ({_daily_sql(window_end)})
        select
            customer_id,
            count(*) - 1 as frequency,
            datediff('day', min(purchased_on), max(purchased_on)) / 7.0 as recency,
            datediff('day', min(purchased_on), date '{window_end.isoformat()}') / 7.0 as "T",
            case when count(*) > 1
                 then cast(sum(amount) - arg_min(amount, purchased_on) as double) / (count(*) - 1)
                 else 0 end as monetary_value,
            cast(sum(amount) as double) as revenue
        from daily
        group by customer_id
        order by customer_id
    """).df()


def holdout_actuals(con: duckdb.DuckDBPyConnection, calibration_end: dt.date, window_end: dt.date) -> pd.DataFrame:
    """Purchase days and revenue per customer in (calibration_end, window_end], for customers whose first
    purchase is on or before calibration_end (the ones the calibration model predicts)."""
    return con.execute(f"""
        with daily as ({_daily_sql(window_end)}),
        calibration_customers as (
            select customer_id from daily group by customer_id
            having min(purchased_on) <= date '{calibration_end.isoformat()}'
        )
        select
            calibration_customers.customer_id,
            count(daily.purchased_on) as holdout_purchases,
            cast(coalesce(sum(daily.amount), 0) as double) as holdout_revenue
        from calibration_customers
        left join daily
            on daily.customer_id = calibration_customers.customer_id
            and daily.purchased_on > date '{calibration_end.isoformat()}'
        group by calibration_customers.customer_id
        order by calibration_customers.customer_id
    """).df()
