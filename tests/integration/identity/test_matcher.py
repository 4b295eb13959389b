"""The probabilistic matcher: trained with Splink, scored inside dbt exactly as Splink scores."""

from __future__ import annotations

import re

import duckdb
import pyarrow as pa
import pytest

from customer360.identity import matcher
from tests.integration.identity.people import population
from tests.warehouse import PROJECT_DIR, run_dbt

REVIEW_MIN_PROBABILITY = 0.5  # dbt_project.yml var identity_review_min_probability


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    """A population's person records, a model trained on them, and dbt's scores of every pair."""
    root = tmp_path_factory.mktemp("matcher")
    warehouse = root / "warehouse.duckdb"
    records, truth = population(1500, seed=5)
    with duckdb.connect(str(warehouse)) as con:
        con.execute("create schema intermediate")
        con.register("records", pa.Table.from_pylist(records))
        con.execute("create table intermediate.int_identity__person_records as select * from records")
        model = matcher.train(con, max_pairs=3e5)
        matcher.write_model_tables(con, model)
    result = run_dbt(warehouse, "run", "--select", "int_identity__match_scores")
    assert result.returncode == 0, result.stdout[-3000:]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        ours = con.execute("select record_id_l, record_id_r, match_weight, match_probability, gamma_name "
                           "from intermediate.int_identity__match_scores").fetchall()
        frame = con.sql(f"select {', '.join(matcher.COLUMNS)} from intermediate.int_identity__person_records"
                        ).to_arrow_table()
    return model, frame, ours, truth


def test_training_estimates_every_comparison_of_the_model(scored):
    model, *_ = scored
    assert [c["output_column_name"] for c in model["comparisons"]] == ["name", "birth_date", "address",
                                                                       "email_local", "phone"]
    name_levels = {level.get("label_for_charts"): level for level in model["comparisons"][0]["comparison_levels"]}
    # the population plants nickname and typo duplicates: EM has estimated what they are worth
    assert name_levels["nickname, same last name"]["m_probability"] > 0.01
    assert 0 < model["probability_two_random_records_match"] < 0.01
    assert model["customer360"]["records"] > 1500


def test_dbt_scores_every_pair_as_splink_predicts(scored):
    """Same pairs, same match weights and probabilities (to 1e-9): the SQL port is Splink's arithmetic."""
    from splink import DuckDBAPI, Linker

    model, frame, ours, _ = scored
    linker = Linker(DuckDBAPI().register(frame, dataset_display_name="person_records"), matcher.splink_model(model),
                    log_level="ERROR")
    theirs = linker.inference.predict(threshold_match_probability=REVIEW_MIN_PROBABILITY,
                                      warning_mode="never").as_pandas_dataframe()
    splink = {(r.record_id_l, r.record_id_r): (r.match_weight, r.match_probability) for r in theirs.itertuples()}
    dbt = {(a, b): (w, p) for a, b, w, p, _ in ours}
    assert len(dbt) > 150 and set(dbt) == set(splink)
    for pair, (weight, probability) in dbt.items():
        assert weight == pytest.approx(splink[pair][0], abs=1e-9), pair
        assert probability == pytest.approx(splink[pair][1], abs=1e-9), pair


def test_the_dbt_model_and_the_python_settings_name_the_same_comparisons():
    macro = (PROJECT_DIR / "macros" / "identity" / "matcher_model.sql").read_text()
    listed = re.search(r"macro matcher_comparisons\(\).*?return\(\[(.*?)\]\)", macro, re.DOTALL).group(1)
    names = [n.strip().strip("'") for n in listed.split(",")]
    settings = matcher.splink_settings().get_settings("duckdb")
    assert names == [c.output_column_name for c in settings.comparisons]
