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
