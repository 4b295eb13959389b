"""The CLV fit (BG/NBD + Gamma-Gamma) after dbt: reads fct_orders, writes its own terminal marts
clv_model_fit and clv_predictions (BI joins them on customer_id; nothing in dbt reads them back)."""

import dagster as dg

from customer360.clv import clv_check, run_clv
from customer360.settings import Settings
from customer360.warehouse import connect
from orchestration.resources import DUCKDB_POOL

CLV_FIT_KEY = dg.AssetKey(["marts", "clv_model_fit"])
CLV_PREDICTIONS_KEY = dg.AssetKey(["marts", "clv_predictions"])
MAX_HOLDOUT_ERROR = 0.3
READS = [["marts", "fct_orders"], ["marts", "dim_customers"], ["intermediate", "int_calendar__as_of_date"]]


@dg.multi_asset(
    specs=[
        dg.AssetSpec(CLV_FIT_KEY, group_name="marts", kinds={"python", "duckdb"}, deps=READS,
                     description="One row per model per fit: parameters, log-likelihood, holdout error."),
        dg.AssetSpec(CLV_PREDICTIONS_KEY, group_name="marts", kinds={"python", "duckdb"}, deps=READS,
                     description="Per buyer: predicted 12-month purchases and CLV, probability still active. "
                                 "Join to customer_loyalty / dim_customers on customer_id."),
    ],
    check_specs=[dg.AssetCheckSpec("clv_fit_healthy", asset=CLV_FIT_KEY, blocking=True,
                                   description=f"Both models converged and holdout error <= {MAX_HOLDOUT_ERROR}.")],
    pool=DUCKDB_POOL,
)
def clv_fit(context: dg.AssetExecutionContext, settings: dg.ResourceParam[Settings]):
    with connect(settings) as con:
        summary = run_clv(con)
    passed, check_metadata = clv_check(summary["fit_rows"], max_holdout_error=MAX_HOLDOUT_ERROR)
    plain = {k: v for k, v in summary.items() if k != "fit_rows" and isinstance(v, (int, float, str, bool))}
    yield dg.MaterializeResult(asset_key=CLV_FIT_KEY, metadata=plain)
    yield dg.MaterializeResult(asset_key=CLV_PREDICTIONS_KEY, metadata={"customers": plain.get("customers", 0)})
    # Too little history to hold out a period warns (predictions are left NULL); a fit that failed or
    # predicts badly blocks publish.
    too_short = check_metadata.get("not_evaluable_only", False)
    if too_short:
        context.log.warning("CLV: the history is too short to judge the fit; predictions left NULL (a warning, "
                            "publish goes ahead; docs/runbook.md#clv_fit_healthy)")
    yield dg.AssetCheckResult(
        asset_key=CLV_FIT_KEY, check_name="clv_fit_healthy", passed=passed,
        severity=dg.AssetCheckSeverity.WARN if too_short else dg.AssetCheckSeverity.ERROR,
        description=None if passed else "; ".join(check_metadata.get("failures", [])) + (
            ": too little history to judge the fit, predictions left NULL" if too_short else
            ": predicted CLV is NULL, historic CLV stands (docs/runbook.md#clv_fit_healthy)"),
        metadata={**{k: v for k, v in check_metadata.items() if isinstance(v, (int, float, str, bool))},
                  "predictions_made": summary.get("predictions_made", 0)},
    )


def build_clv_definitions() -> dg.Definitions:
    return dg.Definitions(assets=[clv_fit])
