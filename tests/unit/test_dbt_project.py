"""The manifest Dagster builds its asset graph from is re-parsed when the dbt project changed."""

import os
import time

from customer360.dbt_artifacts import manifest_is_stale


def _project(tmp_path):
    (tmp_path / "models" / "marts").mkdir(parents=True)
    (tmp_path / "dbt_project.yml").write_text("name: x\n")
    model = tmp_path / "models" / "marts" / "dim_customers.sql"
    model.write_text("select 1 as customer_id\n")
    manifest = tmp_path / "target" / "manifest.json"
    manifest.parent.mkdir()
    return model, manifest


def test_a_missing_manifest_is_stale(tmp_path):
    _, manifest = _project(tmp_path)
    assert manifest_is_stale(manifest, tmp_path)


def test_a_manifest_newer_than_every_source_is_current(tmp_path):
    _, manifest = _project(tmp_path)
    manifest.write_text("{}")
    assert not manifest_is_stale(manifest, tmp_path)


def test_a_new_or_edited_model_makes_the_manifest_stale(tmp_path):
    model, manifest = _project(tmp_path)
    manifest.write_text("{}")
    past = time.time() - 60
    os.utime(manifest, (past, past))
    (model.parent / "fct_new.sql").write_text("select 1 as id\n")  # a model added after the parse
    assert manifest_is_stale(manifest, tmp_path)
