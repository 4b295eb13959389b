"""Ingest: one multi-asset per source loads its export days into raw.<source>__<entity>.

Partitioned by export date; a range of days (a backfill) runs as one run (``BackfillPolicy.single_run``)
and loads every entity x every day in it. Files of sources or entities the contract does not know are
quarantined by ``raw/unknown_exports`` (reason unknown_source / unknown_entity) and logged as warnings.
"""


from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import dagster as dg

from orchestration.landing.contract import ENTITIES, SOURCES, Entity, entities_of
from orchestration.landing.files import Discovery, discover
from orchestration.landing.loader import (
    LoadResult,
    ensure_raw_tables,
    load_export_days,
    quarantine_unknown_exports,
)
from orchestration.metadata import md_image, png_bar_chart, write_chart
from orchestration.partitions import export_days
from orchestration.resources import Warehouse

GROUP = "ingest"
POOL = "duckdb"  # DuckDB allows one writer per file
MAX_TABLE_ROWS = 50  # markdown tables in metadata are cut here (the full story is in raw.quarantine)
DAYS_SHOWN = 60  # rows per export day: the latest days shown in the metadata table and chart


def raw_key(entity: Entity) -> dg.AssetKey:
    return dg.AssetKey(["raw", entity.table])


UNKNOWN_EXPORTS_KEY = dg.AssetKey(["raw", "unknown_exports"])


def column_schema(entity: Entity) -> dg.TableSchema:
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                c.name, c.type.lower(),
                description=" ".join(filter(None, [
                    c.description,
                    "required" if c.required else "",
                    f"one of: {', '.join(c.values)}" if c.values else "",
                    f"range {c.min if c.min is not None else ''}..{c.max if c.max is not None else ''}"
                    if (c.min is not None or c.max is not None) else "",
                    "PII" if c.pii else "",
                ])) or None,
            )
            for c in entity.columns
        ]
    )


def _spec(entity: Entity) -> dg.AssetSpec:
    return dg.AssetSpec(
        raw_key(entity),
        group_name=GROUP,
        kinds={"duckdb"},
        description=(
            f"{entity.description} Loaded from landing/{entity.source}/{entity.name}/<export-date>*; "
            f"key ({', '.join(entity.key)}); rows breaking the contract go to raw.quarantine."
        ),
        metadata={
            "dagster/column_schema": column_schema(entity),
            "dagster/table_name": f"raw.{entity.table}",
        },
    )


# ------------------------------------------------------------------------------------- metadata


def _md_table(header: Sequence[str], rows: Sequence[Sequence[object]], empty: str) -> str:
    if not rows:
        return empty
    def cell(v: object) -> str:
        return str(v).replace("|", "\\|").replace("\n", " ")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows[:MAX_TABLE_ROWS]]
    if len(rows) > MAX_TABLE_ROWS:
        lines.append(f"\n… and {len(rows) - MAX_TABLE_ROWS} more (see raw.quarantine)")
    return "\n".join(lines)


def _day_span(days: Sequence[str]) -> str:
    if not days:
        return "none"
    return days[0] if len(days) == 1 else f"{days[0]} .. {days[-1]} ({len(days)} days)"


def ingest_metadata(entity: Entity, results: Sequence[LoadResult]) -> dict[str, dg.MetadataValue]:
    """What the on-call needs from loading an entity over some export days."""
    landed = sum(r.rows_landed for r in results)
    quarantined = sum(r.rows_quarantined for r in results)
    by_reason: Counter[str] = Counter()
    for r in results:
        by_reason.update(r.quarantined_by_reason)
    rejected = [(r.export_date, f.relpath, f.reason, f.detail) for r in results for f in r.rejected_files]
    days = [r.export_date for r in results]
    with_files = [r.export_date for r in results if r.files]
    per_day = [
        (r.export_date, len(r.files), r.rows_loaded, r.rows_quarantined, len(r.rejected_files))
        for r in results if r.files
    ]
    return {
        "export_dates": dg.MetadataValue.text(
            f"{_day_span(days)}; {len(with_files)} with files" if days else "none"),
        "rows_loaded": dg.MetadataValue.int(sum(r.rows_loaded for r in results)),
        "rows_quarantined": dg.MetadataValue.int(quarantined),
        "quarantine_rate": dg.MetadataValue.float(round(quarantined / landed, 6) if landed else 0.0),
        "files_loaded": dg.MetadataValue.int(sum(len(r.files) for r in results) - len(rejected)),
        "files_rejected": dg.MetadataValue.int(len(rejected)),
        "quarantined_by_reason": dg.MetadataValue.md(
            _md_table(["reason", "rows"], by_reason.most_common(), "No row quarantined.")),
        "rejected_files": dg.MetadataValue.md(
            _md_table(["export date", "file", "reason", "detail"], rejected, "No file rejected.")),
        "days": dg.MetadataValue.md(
            _md_table(["export date", "files", "rows loaded", "rows quarantined", "files rejected"], per_day,
                      "No export file for these days.")),
        # days of one batch each carry the batch's time
        "seconds": dg.MetadataValue.float(round(sum(r.seconds / r.batch_days for r in results), 3)),
    }


def rows_by_export_day(con, entity: Entity, run_days: Sequence[str], docs_dir: str) -> dict[str, dg.MetadataValue]:
    """Rows the raw table holds per export day (the latest DAYS_SHOWN days), this run's days marked:
    a source that sent half its usual volume, or nothing, shows as a short or missing bar."""
    counts = con.execute(f"""
        select cast(_export_date as varchar) as export_date, count(*) as n
        from raw.{entity.table}
        group by 1 order by 1 desc limit {DAYS_SHOWN}
    """).fetchall()[::-1]
    if not counts:
        return {"rows_by_export_day": dg.MetadataValue.md("No rows loaded yet.")}
    in_run = set(run_days)
    top = max(n for _, n in counts)
    table = "\n".join([
        f"Rows of raw.{entity.table} per export day (latest {len(counts)}; ◀ loaded by this run):", "",
        "| export date | rows | |", "|---|--:|---|",
        *(f"| {day}{' ◀' if day in in_run else ''} | {n:,} | {'█' * max(1, round(24 * n / top))} |"
          for day, n in counts),
    ])
    png = png_bar_chart([d for d, _ in counts], [n for _, n in counts], f"raw.{entity.table}: rows per export day", "rows")
    chart = write_chart(Path(docs_dir) / "metadata" / "raw" / f"{entity.table}_rows_by_export_day.png", png)
    return {
        "rows_in_table": dg.MetadataValue.int(sum(n for _, n in counts) if len(counts) < DAYS_SHOWN else con.execute(
            f"select count(*) from raw.{entity.table}").fetchone()[0]),
        "rows_by_export_day": dg.MetadataValue.md(table + "\n\n" + md_image(png, f"rows per export day of raw.{entity.table}")),
        "rows_by_export_day_chart": dg.MetadataValue.path(str(chart)),
    }


def run_export_days(context) -> list[str]:
    """The export dates (partition keys) of the run: one day, or every day of a backfill range."""
    return sorted(context.partition_keys)


# ----------------------------------------------------------------------------------------- assets


def build_ingest_asset(source: str) -> dg.AssetsDefinition:
    """The multi-asset loading every entity of one source for the run's export days."""
    entities = entities_of(source)

    @dg.multi_asset(
        name=f"ingest_{source}",
        specs=[_spec(e) for e in entities],
        partitions_def=export_days,
        backfill_policy=dg.BackfillPolicy.single_run(),
        pool=POOL,
        can_subset=False,
        description=f"Load the {source} exports of the run's export days into raw (replacing those days).",
    )
    def _ingest(context: dg.AssetExecutionContext, warehouse: Warehouse):
        days = run_export_days(context)
        found: Discovery = discover(warehouse.landing_dir, days)
        strays = [u for u in found.unknown if u.file.source == source]
        if strays:
            context.log.warning(
                f"{len(strays)} {source} export file(s) of an entity not in the contract "
                f"(quarantined by raw/unknown_exports): {', '.join(u.file.relpath for u in strays[:10])}"
            )
        with warehouse.connect() as con:
            ensure_raw_tables(con)
            for entity in entities:
                results = load_export_days(
                    con, entity, {day: found.for_table(entity.table, day) for day in days}, warehouse.landing_dir)
                # one line per entity, not per day: a year's backfill would log thousands (the per-day
                # figures are the `days` table of the materialisation)
                with_files = [r for r in results if r.files]
                context.log.info(
                    f"raw.{entity.table} {_day_span([r.export_date for r in with_files])}: "
                    f"{sum(r.rows_loaded for r in with_files):,} loaded, "
                    f"{sum(r.rows_quarantined for r in with_files):,} quarantined, "
                    f"{sum(r.files_rejected for r in with_files)} file(s) rejected"
                )
                for result in results:
                    for f in result.rejected_files:
                        context.log.warning(
                            f"raw.{entity.table} {result.export_date}: rejected {f.relpath}: {f.reason}: {f.detail}")
                yield dg.MaterializeResult(asset_key=raw_key(entity), metadata={
                    **ingest_metadata(entity, results),
                    **rows_by_export_day(con, entity, days, warehouse.docs_dir),
                })

    return _ingest


@dg.asset(
    key=UNKNOWN_EXPORTS_KEY,
    group_name=GROUP,
    kinds={"duckdb"},
    partitions_def=export_days,
    backfill_policy=dg.BackfillPolicy.single_run(),
    pool=POOL,
    description=(
        "Export files in the landing folder whose source or entity is not in the landing contract: one row "
        "each in raw.quarantine (reason unknown_source / unknown_entity), so nothing arrives unseen."
    ),
)
def unknown_exports(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    days = run_export_days(context)
    found = discover(warehouse.landing_dir, days)
    with warehouse.connect() as con:
        ensure_raw_tables(con)
        for day in days:
            quarantine_unknown_exports(con, day, [u for u in found.unknown if u.file.export_date == day])
    if found.unknown:
        context.log.warning(
            f"{len(found.unknown)} export file(s) not in the landing contract: "
            + ", ".join(f"{u.file.relpath} ({u.reason})" for u in found.unknown[:20])
        )
    if found.unrecognised:
        context.log.warning(
            f"{len(found.unrecognised)} file(s) in the landing folder are not export files "
            f"(<source>/<entity>/<YYYY-MM-DD>*.csv|csv.gz|parquet): {', '.join(found.unrecognised[:20])}"
        )
    return dg.MaterializeResult(
        metadata={
            "export_dates": dg.MetadataValue.text(_day_span(days)),
            "unknown_files": dg.MetadataValue.int(len(found.unknown)),
            "unknown_by_reason": dg.MetadataValue.md(_md_table(
                ["reason", "files"], Counter(u.reason for u in found.unknown).most_common(), "None.")),
            "files": dg.MetadataValue.md(_md_table(
                ["export date", "file", "reason"],
                [(u.file.export_date, u.file.relpath, u.reason) for u in found.unknown], "None.")),
            "unrecognised_files": dg.MetadataValue.int(len(found.unrecognised)),
        }
    )


ingest_by_source: dict[str, dg.AssetsDefinition] = {source: build_ingest_asset(source) for source in SOURCES}
ingest_assets: list[dg.AssetsDefinition] = [*ingest_by_source.values(), unknown_exports]
RAW_KEYS: dict[str, dg.AssetKey] = {e.table: raw_key(e) for e in ENTITIES}
