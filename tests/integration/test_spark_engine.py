"""The same dbt project on DuckDB and on Spark gives the same tables.

A small simulated population is ingested once (DuckDB: native Spark ingest is not built), its raw and
matcher tables handed to a local Spark as Parquet (customer360/spark.py), and the dbt project built on
both engines: the build passes on Spark (its unit and data tests included) and every model built has
the same rows on both, floats within 1e-9 relative.

What is compared is the part of the project that builds on Spark today: seeds, every staging model and
the intermediate models up to the identity clusters (label propagation) included. Nothing after the
clusters builds on Spark yet, marts included (docs/scaling.md).
"""

from __future__ import annotations

import json
import math
import os
import subprocess
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from customer360.settings import Settings
from customer360.spark import export_tables, ingest_landing
from tests.conftest import simulate
from tests.warehouse import DBT, PROJECT_DIR

# What does not build on Spark yet: everything after the identity clusters (the clusters' children and
# theirs), and the clusters' unit tests (their fixtures exist only inside the query, where Spark cannot
# materialise label propagation's passes: macros/identity/materialized_step.sql).
NOT_ON_SPARK = ["identity_review_queue+", "int_identity__convergence+", "int_identity__linked_clusters+",
                "int_identity__match_components+", "resource_type:unit_test,int_identity__clusters"]
# Label propagation writes ~10 Parquet tables per pass on Spark: 6 passes (the demo settles in fewer;
# is_settled is compared too) keep the test near two minutes.
PASSES = {"identity_max_passes": 6}
SIZE = {"persons": 300, "days": 14, "seed": 11}


def dbt_build(target: str, env: dict[str, str], target_path: Path, variables: dict) -> subprocess.CompletedProcess:
    command = [DBT, "build", "--target", target, "--exclude", *NOT_ON_SPARK, "--vars", json.dumps(variables),
               "--profiles-dir", str(PROJECT_DIR), "--project-dir", str(PROJECT_DIR),
               "--target-path", str(target_path), "--log-path", str(target_path / "logs")]
    return subprocess.run(command, cwd=PROJECT_DIR, env={**os.environ, **env}, capture_output=True, text=True,
                          check=False)


def relations_in(folder: Path) -> list[str]:
    """schema.name of every relation a build exported (macros/parquet_handover.sql)."""
    return sorted(f"{path.parent.name}.{path.name}" for path in folder.glob("*/*/"))


@pytest.fixture(scope="module")
def both_engines(tmp_path_factory):
    """Each engine's build exported as Parquet: (DuckDB's folder, Spark's folder, Spark's dbt run)."""
    root = tmp_path_factory.mktemp("engines")
    simulate(root, **SIZE)
    ingested = root / "ingested.duckdb"  # not raw.duckdb: the catalog would shadow schema raw
    settings = Settings.from_environment({"WAREHOUSE_PATH": str(root / "duckdb.duckdb"),
                                          "SPARK_DIR": str(root / "spark")})
    ingest_landing(root / "landing", ingested, settings.matcher_model)
    env = settings.dbt_environment()

    settings.warehouse_path.write_bytes(ingested.read_bytes())
    duck = dbt_build("duckdb", env, root / "target-duckdb", PASSES)
    assert duck.returncode == 0, duck.stdout[-3000:]
    export_tables(settings.warehouse_path, root / "out-duckdb", ("reference", "staging", "intermediate"),
                  views=True)

    sources = export_tables(ingested, root / "ingested-parquet")
    spark = dbt_build("spark", env, root / "target-spark", {
        **PASSES,
        "parquet_sources": {"dir": str(root / "ingested-parquet"), "tables": sources},
        "parquet_export_dir": str(root / "out-spark"),
    })
    return root / "out-duckdb", root / "out-spark", spark


def comparable(value):
    """A value as both engines' tables can be compared: exact numbers as floats (the 1e-9 check)."""
    return float(value) if isinstance(value, Decimal) else value


def sort_key(row: tuple) -> tuple:
    return tuple((v is None, f"{v:.9g}" if isinstance(v, float) else str(v)) for v in row)


def same_rows(left: list[tuple], right: list[tuple]) -> str | None:
    """None when both hold the same rows (any order, floats within 1e-9 relative), else the first difference."""
    if len(left) != len(right):
        return f"{len(left)} rows on DuckDB, {len(right)} on Spark"
    for a, b in zip(sorted(left, key=sort_key), sorted(right, key=sort_key), strict=True):
        for x, y in zip(a, b, strict=True):
            x, y = comparable(x), comparable(y)
            if isinstance(x, float) and isinstance(y, float):
                if not math.isclose(x, y, rel_tol=1e-9, abs_tol=0.0):
                    return f"{a} != {b}"
            elif x != y:
                return f"{a} != {b}"
    return None


def test_the_project_builds_on_spark_with_its_tests(both_engines):
    *_, spark = both_engines
    assert spark.returncode == 0, spark.stdout[-5000:]
    assert "PASS=" in spark.stdout and "ERROR=0" in spark.stdout


def test_every_model_built_on_both_engines_has_the_same_rows(both_engines):
    on_duckdb, on_spark, _ = both_engines
    relations = relations_in(on_duckdb)
    assert relations == relations_in(on_spark)
    assert {"staging.stg_crm__customers", "staging.stg_web__events", "intermediate.int_identity__edges",
            "intermediate.int_identity__clusters", "reference.holidays"} <= set(relations)
    differences, rows_compared = {}, 0
    with duckdb.connect() as con:
        con.execute("set TimeZone = 'UTC'")  # Spark's Parquet timestamps are UTC instants
        for relation in relations:
            duck_files = f"{on_duckdb / relation.replace('.', '/')}/*.parquet"
            spark_files = f"{on_spark / relation.replace('.', '/')}/*.parquet"
            columns = con.execute(f"describe select * from read_parquet('{duck_files}')").fetchall()
            names = ", ".join(f'"{name}"' for name, *_ in columns)
            duck_rows = con.execute(f"select {names} from read_parquet('{duck_files}')").fetchall()
            # Spark's values read in DuckDB's types of the same columns (a Spark int is a DuckDB integer ...)
            typed = ", ".join(f'cast("{name}" as {type_})' for name, type_, *_ in columns)
            spark_rows = con.execute(f"select {typed} from read_parquet('{spark_files}')").fetchall()
            rows_compared += len(duck_rows)
            if (difference := same_rows(duck_rows, spark_rows)) is not None:
                differences[relation] = difference
    assert not differences, differences
    assert rows_compared > 5_000  # the population reached the models (9,692 rows), not empty tables compared
