"""Matching: the trained probabilistic matcher, loaded into the warehouse before the dbt build.

The model file (settings.matcher_model: Splink's JSON, trained by `make train-matcher`) becomes the
tables of schema matcher that int_identity__match_scores scores with, inside the one dbt build. The
asset shows what the model believes: its match weights chart. What the matcher linked in a run is
the check `match_links` (checks.py).
"""

import dagster as dg

from customer360.identity.matcher import load_model, match_weights_chart, model_tables, write_model_tables
from customer360.reporting import md_image, write_chart
from customer360.settings import Settings
from customer360.warehouse import connect
from orchestration.resources import DUCKDB_POOL

MATCHER_MODEL_KEY = dg.AssetKey(["matcher", "model"])


@dg.asset(
    key=MATCHER_MODEL_KEY,
    group_name="identity",
    kinds={"python", "splink", "duckdb"},
    pool=DUCKDB_POOL,
    description="The trained probabilistic matcher (Splink's model file, C360_MATCHER_MODEL) as the tables "
                "int_identity__match_scores scores person records with. Retrain: make train-matcher.",
)
def matcher_model(context: dg.AssetExecutionContext, settings: dg.ResourceParam[Settings]):
    path = settings.matcher_model
    if not path.exists():
        context.log.warning(f"No matcher model at {path}: no pair of person records is scored this run "
                            "(make train-matcher writes one; docs/identity.md)")
        with connect(settings) as con:
            con.execute("drop schema if exists matcher cascade")
        return dg.MaterializeResult(metadata={"model_file": dg.MetadataValue.path(str(path)), "loaded": False})
    model = load_model(path)
    with connect(settings) as con:
        counts = write_model_tables(con, model, dialect=settings.engine)
    png = match_weights_chart(model)
    chart = write_chart(settings.docs_dir / "metadata" / "matcher_match_weights.png", png)
    tables = model_tables(model)
    notes = model.get("customer360", {})
    return dg.MaterializeResult(metadata={
        "model_file": dg.MetadataValue.path(str(path)),
        "loaded": True,
        "trained_at": notes.get("trained_at", "unknown"),
        "records_trained_on": dg.MetadataValue.int(int(notes.get("records", 0))),
        "comparisons": dg.MetadataValue.text(", ".join(dict.fromkeys(lv["comparison"] for lv in tables["levels"]))),
        "comparison_levels": dg.MetadataValue.int(counts["levels"]),
        "blocking_rules": dg.MetadataValue.md("\n".join(f"{r['rule_order'] + 1}. `{r['sql_condition']}`"
                                                        for r in tables["rules"])),
        "prior_match_weight": dg.MetadataValue.float(round(tables["prior"][0]["prior_match_weight"], 3)),
        "match_weights": dg.MetadataValue.md(md_image(png, "match weights")),
        "match_weights_chart": dg.MetadataValue.path(str(chart)),
    })


def build_matching_definitions() -> dg.Definitions:
    return dg.Definitions(assets=[matcher_model])
