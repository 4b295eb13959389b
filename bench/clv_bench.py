"""Benchmark: the CLV fit on N simulated customers (default 1,000,000).

    uv run python bench/clv_bench.py [customers]

Simulates two years of purchases from the CDNOW parameters, then times each phase: the per-customer
summary in DuckDB, the BG/NBD and Gamma-Gamma fits, and the whole fit_and_predict (holdout calibration
fit + full fit + 12-month predictions). Appends a JSON line to bench/results/clv.jsonl.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import sys
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from customer360.clv import fit_and_predict, models
from customer360.clv.simulate import simulate_transactions
from customer360.clv.summary import customer_summary, register_transactions

BG = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
GG = {"p": 6.25, "q": 3.74, "v": 15.44}
END = dt.date(2025, 12, 31)


def timed(label, timings, fn, *args, **kwargs):
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    timings[label] = round(time.perf_counter() - started, 2)
    print(f"{label:>24}: {timings[label]:8.2f} s", flush=True)
    return result


def main(customers: int) -> dict:
    timings: dict[str, float] = {}
    purchases = timed("simulate", timings, simulate_transactions, customers, BG, GG, dt.date(2024, 1, 1), 365, END)
    con = duckdb.connect()
    register_transactions(con, purchases)
    summary = timed("summary_duckdb", timings, customer_summary, con, END)
    bgnbd = timed("fit_bg_nbd", timings, models.fit_bgnbd, summary["frequency"], summary["recency"], summary["T"])
    gamma = timed("fit_gamma_gamma", timings, models.fit_gamma_gamma, summary["frequency"], summary["monetary_value"])
    fit_rows, _ = timed("fit_and_predict_total", timings, fit_and_predict, purchases, END, holdout_weeks=26)
    result = {
        "benchmark": "clv_fit",
        "customers": customers,
        "purchases": len(purchases),
        "repeat_customers": gamma.customers,
        "distinct_xtT_rows": bgnbd.extra.get("distinct_rows"),
        "bg_nbd": bgnbd.params,
        "gamma_gamma": gamma.params,
        "holdout_error": dict(zip(fit_rows["model"], fit_rows["holdout_error"].round(4))),
        "seconds": timings,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    out = Path(__file__).resolve().parent / "results" / "clv.jsonl"
    out.parent.mkdir(exist_ok=True)
    with out.open("a") as handle:
        handle.write(json.dumps(result) + "\n")
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
