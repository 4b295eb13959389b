"""Pictures and summaries for the Dagster UI's metadata: plain functions, no Dagster here.

Markdown is what every metadata panel renders, so each figure is a markdown table with a text bar
(readable in the UI, in an alert, in a terminal); a PNG chart (matplotlib) is written beside it under
DOCS_DIR for a closer look and embedded in the markdown, which the UI shows as an image.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

BAR_WIDTH = 24  # characters of the longest text bar
MAX_TABLE_ROWS = 50  # rows of a markdown table; the rest is counted, the full story is in the warehouse


def bar(value: float, top: float, width: int = BAR_WIDTH) -> str:
    """A text bar proportional to value/top; any non-zero value gets at least one block."""
    if not value or top <= 0:
        return ""
    return "█" * max(1, round(width * value / top))


def md_table(header: Sequence[str], rows: Sequence[Sequence[object]], empty: str = "None.",
             more: str = "") -> str:
    """A markdown table; rows past MAX_TABLE_ROWS are counted, not shown (``more`` says where they are)."""
    if not rows:
        return empty

    def cell(v: object) -> str:
        return str(v).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows[:MAX_TABLE_ROWS]]
    if len(rows) > MAX_TABLE_ROWS:
        lines.append(f"\n… and {len(rows) - MAX_TABLE_ROWS} more{f' ({more})' if more else ''}")
    return "\n".join(lines)


def md_bar_table(header: Sequence[str], rows: Sequence[tuple[Any, float]], empty: str = "No data.") -> str:
    """| label | value | bar | rows, the bar scaled to the largest value."""
    if not rows:
        return empty
    top = max(float(v or 0) for _, v in rows)
    lines = [f"| {header[0]} | {header[1]} | |", "|---|--:|---|"]
    lines += [f"| {label} | {int(v or 0):,} | {bar(float(v or 0), top)} |" for label, v in rows]
    return "\n".join(lines)


def png_bar_chart(labels: Sequence[str], values: Sequence[float], title: str, ylabel: str) -> bytes:
    """A small PNG bar chart (matplotlib, Agg backend: no display needed)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 2.4), dpi=80)
    try:
        positions = range(len(labels))
        ax.bar(positions, values, color="#4f43dd")
        step = max(1, len(labels) // 10)
        ax.set_xticks(list(positions)[::step], list(labels)[::step], rotation=30, ha="right", fontsize=7)
        ax.tick_params(axis="y", labelsize=7)
        ax.set_title(title, fontsize=9)
        ax.set_ylabel(ylabel, fontsize=8)
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        out = io.BytesIO()
        fig.savefig(out, format="png")
        return out.getvalue()
    finally:
        plt.close(fig)


def write_chart(path: Path, png: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png)
    return path


def md_image(png: bytes, alt: str) -> str:
    """Markdown embedding the PNG inline (a data URI), so the UI draws it without serving files."""
    return f"![{alt}](data:image/png;base64,{base64.b64encode(png).decode()})"


def batch_summary(batch: dict[str, Any]) -> str:
    """One line for the on-call: what an incremental model processed in this run."""
    days = ""
    if batch.get("export_date_min"):
        span = batch["export_date_min"] if batch["export_date_min"] == batch["export_date_max"] else (
            f"{batch['export_date_min']} .. {batch['export_date_max']}")
        days = f" of export days {span} ({batch.get('export_days')} days)"
    if batch.get("mode") == "incremental":
        return f"incremental: {batch['rows']:,} rows processed{days}; {batch['rows_total']:,} rows in the table"
    return f"full build: {batch['rows']:,} rows{days}"
