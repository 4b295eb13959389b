"""The Spark engine (C360_ENGINE=spark): the local session dbt's `spark` profile describes, and the
hand-over of tables ingested by DuckDB to it.

Ingest still runs on DuckDB (native Spark ingest is not built yet, docs/scaling.md): its raw tables
(and the matcher's, and any other schema dbt reads as a source) are exported as Parquet files and
registered as Spark tables over those files, in the metastore the dbt build then opens.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

# The schemas dbt reads as sources, written by Python steps before the build.
SOURCE_SCHEMAS = ("raw", "matcher", "audit")
SPARK_MATCHER_SCHEMA = "matcher_spark"  # the matcher's tables with their SQL in Spark's dialect


def session_config(settings) -> dict[str, str]:
    """The Spark configuration profiles.yml gives dbt, from the same settings (a test keeps both in step)."""
    env = settings.dbt_environment()
    return {
        "spark.master": env["SPARK_MASTER"],
        "spark.driver.memory": env["SPARK_DRIVER_MEMORY"],
        "spark.sql.warehouse.dir": env["SPARK_WAREHOUSE_DIR"],
        "spark.hadoop.javax.jdo.option.ConnectionURL":
            f"jdbc:derby:;databaseName={env['SPARK_METASTORE_DIR']};create=true",
        "spark.sql.session.timeZone": "UTC",
        "spark.ui.enabled": "false",
        "spark.sql.shuffle.partitions": "4",
        "spark.sql.parquet.inferTimestampNTZ.enabled": "false",
        "spark.sql.analyzer.maxIterations": "1000",
    }


def spark_session(settings):
    """A local SparkSession over the project's metastore (Derby: one process at a time, as DuckDB)."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.enableHiveSupport()
    for key, value in session_config(settings).items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def export_tables(warehouse: Path, folder: Path, schemas: tuple[str, ...] = SOURCE_SCHEMAS,
                  views: bool = False) -> list[str]:
    """Every table (and view, if asked) of the schemas as <folder>/<schema>/<table>/data.parquet;
    returns 'schema.table' names."""
    names = []
    kinds = ["BASE TABLE", "VIEW"] if views else ["BASE TABLE"]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_type in (select unnest(?)) and table_schema in (select unnest(?)) order by all",
            [kinds, [SPARK_MATCHER_SCHEMA if s == "matcher" else s for s in schemas]]).fetchall()
        for schema, table in tables:
            spark_schema = "matcher" if schema == SPARK_MATCHER_SCHEMA else schema
            path = folder / spark_schema / table / "data.parquet"
            path.parent.mkdir(parents=True, exist_ok=True)
            con.execute(f'copy (select * from "{schema}"."{table}") to \'{path}\' (format parquet)')
            names.append(f"{spark_schema}.{table}")
    return names


def register_tables(spark, folder: Path) -> list[str]:
    """Spark tables over the Parquet folders export_tables wrote (external tables: the files stay where
    they are, nothing is copied); returns 'schema.table' names."""
    names = []
    for path in sorted(folder.glob("*/*/")):
        schema, table = path.parent.name, path.name
        spark.sql(f"create database if not exists {schema}")
        spark.sql(f"drop table if exists {schema}.{table}")
        spark.sql(f"create table {schema}.{table} using parquet location '{path.resolve()}'")
        names.append(f"{schema}.{table}")
    return names


def reset(settings) -> None:
    """Remove the Spark warehouse and metastore (a fresh build)."""
    env = settings.dbt_environment()
    for key in ("SPARK_WAREHOUSE_DIR", "SPARK_METASTORE_DIR"):
        shutil.rmtree(env[key], ignore_errors=True)


def ingest_landing(landing: Path, warehouse: Path, matcher_model: Path | None = None) -> None:
    """The DuckDB ingest of every export day of a landing folder into raw (and the matcher's tables,
    in each engine's dialect: DuckDB's in schema matcher, Spark's in matcher_spark, which
    export_tables hands to Spark as its schema matcher)."""
    from customer360.identity.matcher import load_model, write_model_tables
    from customer360.landing.files import discover
    from customer360.landing.load import load_export_days
    from customer360.landing.raw_tables import ensure_raw_tables

    with duckdb.connect(str(warehouse)) as con:
        ensure_raw_tables(con)  # every contract table, loaded or not: a missing source is empty
        for table, days in discover(landing).by_table().items():
            load_export_days(con, table, days, landing)
        if matcher_model is not None and matcher_model.exists():
            model = load_model(matcher_model)
            write_model_tables(con, model)
            write_model_tables(con, model, dialect="spark", schema=SPARK_MATCHER_SCHEMA)



def export_relations(spark, relations: list[str], folder: Path) -> list[str]:
    """Spark tables or views as <folder>/<schema>/<name>/ Parquet folders (the lakehouse copy BI and
    DuckDB read); returns the relations written."""
    written = []
    for relation in relations:
        schema, name = relation.split(".")
        spark.table(relation).write.mode("overwrite").parquet(str(folder / schema / name))
        written.append(relation)
    return written


def main(argv: list[str] | None = None) -> None:
    """`python -m customer360.spark register <folder>` (Parquet folders -> Spark tables) or
    `... export <folder> <schema.relation>...` (Spark relations -> Parquet folders), on the session of
    the settings (SPARK_DIR ...). A process of its own: the Derby metastore admits one at a time."""
    import argparse

    from customer360.settings import Settings

    parser = argparse.ArgumentParser(prog="python -m customer360.spark")
    parser.add_argument("command", choices=["register", "export"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("relations", nargs="*")
    args = parser.parse_args(argv)
    spark = spark_session(Settings.from_environment())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        if args.command == "register":
            names = register_tables(spark, args.folder)
        else:
            names = export_relations(spark, args.relations, args.folder)
        print(f"{args.command}: {len(names)} relations")
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
