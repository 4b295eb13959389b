"""The probabilistic matcher: Fellegi-Sunter over person-level records, trained with Splink.

Splink defines the comparisons and blocking rules (SETTINGS) and trains the model on a warehouse's
person records (intermediate.int_identity__person_records): u by random sampling, the prior from
deterministic rules, m by expectation maximisation. The trained model is a JSON file (Splink's own
format). Every build predicts with that model inside dbt (int_identity__match_scores): `model_tables`
turns the model into the rows the SQL reads (each comparison level's SQL condition, in the engine's
dialect, and its match weight), so the scoring is Splink's arithmetic in the warehouse's own engine,
within the one dbt build. tests/integration/identity/test_matcher.py checks it against Splink's own
`predict()` on the same records.

Comparisons use functions both DuckDB and Spark have natively (equality, levenshtein), so the same
model scores on either engine.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

import sqlglot

from customer360.settings import PROJECT_DIR

DEMO_MODEL = PROJECT_DIR / "customer360" / "identity" / "matcher_model.json"
RECORDS = "intermediate.int_identity__person_records"
COLUMNS = ("record_id", "record_type", "first_name", "last_name", "first_name_canonical", "full_name",
           "birth_date", "street", "postcode", "city", "email_local", "phone")
MODEL_VERSION = 1  # of the tables model_tables writes; bump with their columns
# The share of all matching pairs that agree on an email local part, a phone, or name + birth date +
# postcode: the simulated population's (docs/identity.md); set yours from what you know of your data.
PRIOR_RULES_RECALL = 0.7


def _either_side_null(*columns: str) -> str:
    """SQL: one side of the pair has none of the columns (Splink's column_l / column_r naming)."""
    left = " AND ".join(f'"{c}_l" IS NULL' for c in columns)
    right = " AND ".join(f'"{c}_r" IS NULL' for c in columns)
    return f"({left}) OR ({right})"


def splink_settings():
    """Splink settings: what is compared and how pairs are found. Imported lazily (Splink is heavy)."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import SettingsCreator, block_on

    name = cl.CustomComparison(
        output_column_name="name",
        comparison_description="first and last name",
        comparison_levels=[
            cll.CustomLevel(_either_side_null("first_name", "last_name")).configure(is_null_level=True),
            cll.ExactMatchLevel("full_name").configure(tf_adjustment_column="full_name"),
            cll.ColumnsReversedLevel("first_name", "last_name").configure(label_for_charts="first and last swapped"),
            cll.And(cll.ExactMatchLevel("first_name_canonical"), cll.ExactMatchLevel("last_name")).configure(
                label_for_charts="nickname, same last name"),
            cll.And(cll.LevenshteinLevel("first_name", 1), cll.ExactMatchLevel("last_name")).configure(
                label_for_charts="first name one edit apart, same last name"),
            cll.And(cll.ExactMatchLevel("first_name"), cll.LevenshteinLevel("last_name", 1)).configure(
                label_for_charts="same first name, last name one edit apart"),
            cll.And(cll.LevenshteinLevel("first_name", 2), cll.ExactMatchLevel("last_name")).configure(
                label_for_charts="first name two edits apart, same last name"),
            cll.And(cll.ExactMatchLevel("first_name"), cll.LevenshteinLevel("last_name", 2)).configure(
                label_for_charts="same first name, last name two edits apart"),
            cll.ExactMatchLevel("last_name").configure(label_for_charts="same last name only"),
            cll.ExactMatchLevel("first_name").configure(label_for_charts="same first name only"),
            cll.ElseLevel(),
        ],
    )
    birth_date = cl.CustomComparison(
        output_column_name="birth_date",
        comparison_levels=[
            cll.NullLevel("birth_date"),
            cll.ExactMatchLevel("birth_date"),
            cll.LevenshteinLevel("birth_date", 1).configure(label_for_charts="one digit apart"),
            cll.ElseLevel(),
        ],
    )
    address = cl.CustomComparison(
        output_column_name="address",
        comparison_levels=[
            cll.CustomLevel(_either_side_null("street", "postcode")).configure(is_null_level=True),
            cll.And(cll.ExactMatchLevel("street"), cll.ExactMatchLevel("postcode")).configure(
                label_for_charts="same street and postcode"),
            # a till sign-up gives a postcode and no street: unknown is not different
            cll.CustomLevel('"postcode_l" = "postcode_r" AND ("street_l" IS NULL OR "street_r" IS NULL)').configure(
                label_for_charts="same postcode, a street missing", tf_adjustment_column="postcode"),
            cll.ExactMatchLevel("postcode").configure(label_for_charts="same postcode, another street"),
            cll.ExactMatchLevel("street").configure(label_for_charts="same street, another postcode"),
            cll.ElseLevel(),
        ],
    )
    email_local = cl.CustomComparison(
        output_column_name="email_local",
        comparison_levels=[
            cll.NullLevel("email_local"),
            # a common local part (james.smith) is written by many: weigh it by how rare it is
            cll.ExactMatchLevel("email_local").configure(tf_adjustment_column="email_local"),
            cll.LevenshteinLevel("email_local", 1),
            cll.ElseLevel(),
        ],
    )
    phone = cl.CustomComparison(
        output_column_name="phone",
        comparison_levels=[cll.NullLevel("phone"), cll.ExactMatchLevel("phone"), cll.ElseLevel()],
    )
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="record_id",
        comparisons=[name, birth_date, address, email_local, phone],
        blocking_rules_to_generate_predictions=[
            block_on("last_name", "birth_date"),
            block_on("first_name", "birth_date"),
            block_on("postcode", "last_name"),
            block_on("postcode", "first_name"),
            block_on("birth_date", "postcode"),
            block_on("full_name", "city"),
            block_on("email_local"),
            block_on("phone"),
        ],
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=False,
    )


# -------------------------------------------------------------------------------------------- training


def train(con, *, max_pairs: float = 2e6, seed: int = 42) -> dict[str, Any]:
    """Train on the person records of a warehouse connection; return the model (Splink's JSON dict).

    u by random sampling (max_pairs); the prior from the pairs deterministic rules find (an email's
    local part, a phone, or name, birth date and postcode together), assumed to be PRIOR_RULES_RECALL
    of all matching pairs; m by expectation maximisation blocked on birth date, then on full name, so
    every comparison is estimated at least once and on every kind of record."""
    from splink import DuckDBAPI, Linker, block_on

    ((records,),) = con.execute(f"select count(*) from {RECORDS}").fetchall()
    if records < 2:
        raise ValueError(f"{RECORDS} holds {records} record(s) with a name: nothing to train on")
    frame = con.sql(f"select {', '.join(COLUMNS)} from {RECORDS}").to_arrow_table()
    db_api = DuckDBAPI()
    linker = Linker(db_api.register(frame, dataset_display_name="person_records"), splink_settings(), log_level="WARNING")
    linker.training.estimate_probability_two_random_records_match(
        [block_on("email_local"), block_on("phone"), block_on("full_name", "birth_date", "postcode")],
        recall=PRIOR_RULES_RECALL)
    linker.training.estimate_u_using_random_sampling(max_pairs=max_pairs, seed=seed)
    # pairs of one birth date (CRM records only: other records carry none) estimate the name, address,
    # email and phone levels; pairs of one full name (every kind of record) the rest
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("birth_date"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("full_name"))
    model = linker.misc.save_model_to_json()
    model["customer360"] = {"trained_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                            "records": int(records)}
    return model


def save_model(model: dict, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(model, indent=1) + "\n")
    return path


def load_model(path: Path) -> dict:
    return json.loads(Path(path).read_text())


def splink_model(model: dict) -> dict:
    """The model as Splink reads it (without this project's notes: when and on how many records)."""
    return {k: v for k, v in model.items() if k != "customer360"}


# ------------------------------------------------------------------------- the model as scoring rows


def _transpile(sql: str, dialect: str) -> str:
    # Splink's catch-all level is the bare keyword ELSE, which is no expression to transpile
    if dialect == "duckdb" or sql.strip().upper() == "ELSE":
        return sql
    return sqlglot.transpile(sql, read="duckdb", write=dialect)[0]


def model_tables(model: dict, dialect: str = "duckdb") -> dict[str, list[dict]]:
    """The rows the scoring SQL reads: `levels` (one per comparison level: its SQL condition in the
    engine's dialect, its match weight log2(m/u) and term-frequency settings), `rules` (the blocking
    rules in order) and `prior` (the prior's match weight). Read through Splink's own settings objects,
    so untrained levels get Splink's defaults and the weights are Splink's."""
    from splink.internals.settings_creator import SettingsCreator

    settings = SettingsCreator.from_path_or_dict(splink_model(model)).get_settings("duckdb")
    levels = []
    for c_order, comparison in enumerate(settings.comparisons):
        for l_order, level in enumerate(comparison.comparison_levels):
            tf_column = level._tf_adjustment_input_column_name if level._has_tf_adjustments else None
            u_exact = level._u_probability_corresponding_to_exact_match(comparison.comparison_levels) if tf_column else None
            levels.append({
                "comparison": comparison.output_column_name, "comparison_order": c_order, "level_order": l_order,
                "gamma": level.comparison_vector_value, "label": level.label_for_charts,
                "sql_condition": _transpile(level.sql_condition, dialect),
                "is_null_level": level.is_null_level, "match_weight": float(level._log2_bayes_factor),
                "m_probability": None if level.is_null_level else level.m_probability,
                "u_probability": None if level.is_null_level else level.u_probability,
                "tf_adjustment_column": tf_column,
                "tf_adjustment_weight": float(level._tf_adjustment_weight) if tf_column else None,
                "tf_minimum_u_value": float(level._tf_minimum_u_value) if tf_column else None,
                "log2_u_exact": math.log2(u_exact) if tf_column else None,
            })
    rules = [{"rule_order": i, "sql_condition": _transpile(rule.blocking_rule_sql, dialect)}
             for i, rule in enumerate(settings._blocking_rules_to_generate_predictions)]
    prior_probability = settings.core_model_settings.probability_two_random_records_match
    trained_records = model.get("customer360", {}).get("records")
    prior = {"prior_match_weight": math.log2(prior_probability / (1 - prior_probability)),
             "prior_probability": prior_probability,
             # matching pairs grow with the records, all pairs with their square: the prior of n records
             # is prior x (trained - 1) / (n - 1), so the model keeps its meaning on 3,000 or 1M persons
             "trained_records": trained_records,
             "model_version": MODEL_VERSION,
             "trained_at": model.get("customer360", {}).get("trained_at")}
    return {"levels": levels, "rules": rules, "prior": [prior]}


def write_model_tables(con, model: dict, dialect: str = "duckdb", schema: str = "matcher") -> dict[str, int]:
    """Replace the matcher tables of a DuckDB warehouse with the model's rows (one transaction)."""
    import pyarrow as pa

    tables = model_tables(model, dialect)
    con.execute(f"create schema if not exists {schema}")
    con.begin()
    try:
        for name, rows in (("comparison_levels", tables["levels"]), ("blocking_rules", tables["rules"]),
                           ("model", tables["prior"])):
            frame = pa.Table.from_pylist(rows)
            con.register("matcher_rows", frame)
            con.execute(f"create or replace table {schema}.{name} as select * from matcher_rows")
            con.unregister("matcher_rows")
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return {name: len(rows) for name, rows in tables.items()}


# ------------------------------------------------------------------------------------ explanation


def match_weights_chart(model: dict) -> bytes:
    """Splink's match weights chart as a PNG: the prior and every comparison level's log2(m/u), so an
    analyst sees what the model believes (a nickname worth +11, a different birth date -9, ...)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    tables = model_tables(model)
    rows = [("prior", tables["prior"][0]["prior_match_weight"], "#777777")]
    for level in tables["levels"]:
        if not level["is_null_level"]:
            rows.append((f"{level['comparison']}: {level['label']}"[:60], level["match_weight"],
                         "#2a9d8f" if level["match_weight"] >= 0 else "#e76f51"))
    fig, ax = plt.subplots(figsize=(8, 0.22 * len(rows) + 0.8), dpi=80)
    try:
        positions = range(len(rows))[::-1]
        ax.barh(list(positions), [max(min(w, 30), -30) for _, w, _ in rows], color=[c for *_, c in rows])
        ax.set_yticks(list(positions), [label for label, *_ in rows], fontsize=7)
        ax.axvline(0, color="black", linewidth=0.6)
        ax.set_xlabel("match weight (log2 of the Bayes factor; capped at ±30)", fontsize=8)
        ax.set_title("Matcher: what each comparison level is worth", fontsize=9)
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        import io

        out = io.BytesIO()
        fig.savefig(out, format="png")
        return out.getvalue()
    finally:
        plt.close(fig)
