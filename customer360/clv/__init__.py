"""Probabilistic customer lifetime value: BG/NBD + Gamma-Gamma, fitted by maximum likelihood.

Plain Python (numpy, scipy, duckdb, pandas), no Dagster imports: the Dagster asset calls run_clv and
the asset check calls clv_check. See pipeline.py for the tables written and the fallback rules.
"""

from .pipeline import clv_check, ensure_tables, fit_and_predict, holdout_evaluation, run_clv

__all__ = ["clv_check", "ensure_tables", "fit_and_predict", "holdout_evaluation", "run_clv"]
