"""What raw.quarantine holds for some export days of an entity: the figures of the quarantine-rate check."""

from __future__ import annotations

from customer360.landing.contract import Entity


def quarantine_summary(con, entity: Entity, days: list[str]) -> dict:
    """Loaded/quarantined row counts of some export days, the top reasons and the rejected files."""
    if not days:
        return {"loaded": 0, "quarantined": 0, "rate": 0.0, "reasons": [], "rejected_files": []}
    placeholders = ", ".join("?" for _ in days)
    (loaded,) = con.execute(
        f"select count(*) from raw.{entity.table} where _export_date in ({placeholders})", days
    ).fetchone()
    of_entity = f"source = ? and entity = ? and export_date in ({placeholders})"
    reasons = con.execute(
        f"""select reason, count(*) from raw.quarantine where {of_entity} and line_number is not null
            group by 1 order by 2 desc, 1""",
        [entity.source, entity.name, *days],
    ).fetchall()
    rejected = con.execute(
        f"""select export_date::varchar, source_file, reason from raw.quarantine
            where {of_entity} and line_number is null order by 1, 2""",
        [entity.source, entity.name, *days],
    ).fetchall()
    quarantined = sum(n for _, n in reasons)
    landed = loaded + quarantined
    return {"loaded": loaded, "quarantined": quarantined, "rate": quarantined / landed if landed else 0.0,
            "reasons": reasons[:5], "rejected_files": rejected}


# Rows of a file rejected whole whose count cannot be told (a truncated gzip, an unreadable Parquet
# file): estimated from its size at this many bytes a row (a typical CSV export row).
BYTES_PER_ROW_ESTIMATE = 100
GZIP_FACTOR = 6  # a gzip export holds about six times its size in text

# The privacy inputs: a request or consent lost to the quarantine is a person erased or contacted
# against their will, so any quarantined row or file of theirs blocks publish until the export is fixed.
PRIVACY_INPUTS = ("crm__erasure_requests", "crm__consents")
# ...except a second copy of a row already loaded (nothing is lost)
HARMLESS_REASONS = ("duplicate_key",)


def rejected_rows(con, entity: Entity, days: list[str]) -> dict:
    """Rows in files of the entity rejected whole over some export days, and their share of all the
    rows the entity landed those days (rows loaded + quarantined + rejected)."""
    if not days:
        return {"rejected_rows": 0, "landed_rows": 0, "share": 0.0, "files": []}
    placeholders = ", ".join("?" for _ in days)
    (loaded,) = con.execute(
        f"select count(*) from raw.{entity.table} where _export_date in ({placeholders})", days).fetchone()
    (row_level,) = con.execute(
        f"""select count(*) from raw.quarantine where source = ? and entity = ? and export_date in ({placeholders})
            and line_number is not null""", [entity.source, entity.name, *days]).fetchone()
    files = con.execute(
        f"""select export_date::varchar, source_file, reason,
                   coalesce(try_cast(json_extract_string(payload, '$.rows') as bigint),
                            ceil(coalesce(try_cast(json_extract_string(payload, '$.bytes') as bigint), 0)
                                 * (case when lower(source_file) like '%.gz' then {GZIP_FACTOR} else 1 end)
                                 / {BYTES_PER_ROW_ESTIMATE})::bigint) as rows
            from raw.quarantine
            where source = ? and entity = ? and export_date in ({placeholders}) and line_number is null
              and reason not in ('unknown_source', 'unknown_entity')
            order by 1, 2""", [entity.source, entity.name, *days]).fetchall()
    rejected = sum(int(r[3] or 0) for r in files)
    landed = loaded + row_level + rejected
    return {"rejected_rows": rejected, "landed_rows": landed, "share": rejected / landed if landed else 0.0,
            "files": files}


def privacy_input_problems(con, entity: Entity) -> list[tuple]:
    """Every quarantined row or rejected file of a privacy input, any export day: (export date, file,
    line or NULL, reason), the harmless reasons left out."""
    harmless = ", ".join(f"'{r}'" for r in HARMLESS_REASONS)
    return con.execute(
        f"""select export_date::varchar, source_file, line_number, reason from raw.quarantine
            where source = ? and entity = ? and reason not in ({harmless})
            order by 1, 2, 3 nulls first""", [entity.source, entity.name]).fetchall()
