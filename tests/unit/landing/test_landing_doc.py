"""docs/landing.md is what exporters read: it must say what the code enforces (contract.py)."""

from __future__ import annotations

import re
from pathlib import Path

from customer360.landing.contract import ENTITIES

DOC = Path(__file__).resolve().parents[3] / "docs" / "landing.md"
ROW = re.compile(r"^\| `(?P<name>[^`]+)` \| (?P<type>\w+) \| (?P<required>[^|]*) \| (?P<allowed>[^|]*) \|")


def documented() -> dict[str, dict[str, tuple[str, bool]]]:
    """{'source/entity': {column: (type, required)}} from the doc's sections and column tables."""
    sections: dict[str, dict[str, tuple[str, bool]]] = {}
    current = None
    for line in DOC.read_text().splitlines():
        if line.startswith("## "):
            current = sections.setdefault(line[3:].strip(), {}) if "/" in line else None
        elif current is not None and (m := ROW.match(line)):
            current[m["name"]] = (m["type"], "yes" in m["required"])
    return sections


def test_every_entity_and_column_of_the_contract_is_documented_as_enforced():
    doc = documented()
    assert set(doc) == {f"{e.source}/{e.name}" for e in ENTITIES}
    for entity in ENTITIES:
        expected = {c.name: (c.type.lower(), c.required) for c in entity.columns}
        assert doc[f"{entity.source}/{entity.name}"] == expected, f"{entity.source}/{entity.name}"


def test_every_date_bound_of_the_contract_is_documented():
    """The plausible-date rules (too_early / too_late / epoch placeholders) are what exporters must know."""
    allowed: dict[tuple[str, str], str] = {}
    current = None
    for line in DOC.read_text().splitlines():
        if line.startswith("## "):
            current = line[3:].strip() if "/" in line else None
        elif current is not None and (m := ROW.match(line)):
            allowed[(current, m["name"])] = m["allowed"]
    for entity in ENTITIES:
        for c in entity.columns:
            if c.date_bounds:
                assert c.date_bounds in allowed[(f"{entity.source}/{entity.name}", c.name)], (entity.table, c.name)
    assert "1970-01-01" in DOC.read_text() and "C360_BUSINESS_START" in DOC.read_text()
