"""The pictures and summaries of the UI metadata (customer360/reporting.py)."""

from __future__ import annotations

import base64
import struct

from customer360.reporting import (
    bar,
    batch_summary,
    md_bar_table,
    md_image,
    md_table,
    png_bar_chart,
)


def test_bars_are_proportional_and_a_small_nonzero_value_stays_visible():
    assert bar(10, 10, width=20) == "█" * 20
    assert bar(5, 10, width=20) == "█" * 10
    assert bar(1, 1000, width=20) == "█"
    assert bar(0, 10) == ""


def test_bar_table_has_a_row_per_bucket_with_its_count():
    table = md_bar_table(["identifiers", "clusters"], [("1", 1200), ("2", 600), ("3-5", 0)])
    lines = table.splitlines()
    assert lines[0] == "| identifiers | clusters | |"
    assert lines[2].startswith("| 1 | 1,200 | ") and lines[2].count("█") == 24
    assert lines[3].count("█") == 12
    assert lines[4] == "| 3-5 | 0 |  |"
    assert md_bar_table(["a", "b"], [], empty="nothing") == "nothing"


def test_incremental_batch_summary_names_the_rows_and_export_days():
    batch = {"model": "fct_touchpoints", "mode": "incremental", "rows": 1234, "export_date_min": "2025-03-07",
             "export_date_max": "2025-03-10", "export_days": 4, "rows_total": 98765}
    assert batch_summary(batch) == ("incremental: 1,234 rows processed of export days 2025-03-07 .. 2025-03-10 "
                                    "(4 days); 98,765 rows in the table")


def test_tables_are_cut_with_a_count_of_the_rest():
    table = md_table(["file", "reason"], [(f"f{i}.csv", "file_empty") for i in range(60)], more="see raw.quarantine")
    assert table.splitlines()[:3] == ["| file | reason |", "|---|---|", "| f0.csv | file_empty |"]
    assert table.endswith("… and 10 more (see raw.quarantine)")
    assert md_table(["a"], [("x|y",)]).splitlines()[2] == "| x\\|y |"
    assert md_table(["a"], [], empty="nothing") == "nothing"


def test_full_build_summary_without_export_days():
    batch = {"model": "int_identity__customer_ids", "mode": "full", "rows": 973, "export_date_min": None,
             "export_date_max": None, "export_days": None, "rows_total": 973}
    assert batch_summary(batch) == "full build: 973 rows"


def test_chart_is_a_png_embeddable_in_markdown():
    png = png_bar_chart(["2025-01-01", "2025-01-02"], [10, 20], "rows per export day", "rows")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width > 200 and height > 100
    markdown = md_image(png, "chart")
    assert markdown.startswith("![chart](data:image/png;base64,")
    assert base64.b64decode(markdown[len("![chart](data:image/png;base64,"):-1]) == png
