"""The dashboard's only way to the data: read-only SQL on the serving file, with DuckDB 1.x (as BI tools
read it), and the formats every page shows figures in."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

DEFAULT_SERVING = Path(__file__).resolve().parent.parent / "data" / "serving" / "customer360.duckdb"


def serving_path() -> Path:
    """`streamlit run app.py -- --serving PATH` (make dashboard passes SERVING_PATH's file)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--serving", default=str(DEFAULT_SERVING))
    args, _ = parser.parse_known_args(sys.argv[1:])
    return Path(args.serving)


@st.cache_resource
def _connection(path: str) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(path, read_only=True)


@st.cache_data(ttl=300)
def query(sql: str) -> pd.DataFrame:
    return _connection(str(serving_path())).cursor().execute(sql).df()


def one(sql: str) -> dict:
    """The one row of a query, as a dict."""
    return query(sql).iloc[0].to_dict()


def count(value) -> str:
    return "–" if value is None or pd.isna(value) else f"{int(value):,}"


def pct(value) -> str:
    return "–" if value is None or pd.isna(value) else f"{float(value):.1%}"


def money(value, decimals: int = 0) -> str:
    return "–" if value is None or pd.isna(value) else f"£{float(value):,.{decimals}f}"


def number(value, decimals: int = 1) -> str:
    return "–" if value is None or pd.isna(value) else f"{float(value):,.{decimals}f}"


def as_of() -> str:
    return str(one("select max(as_of_date) as d from marts.customer_loyalty")["d"])
