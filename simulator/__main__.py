"""Simulate the customer360 source systems: daily export files plus the ground truth.

python -m simulator --persons N --days D --seed S --out DIR [--truth DIR] [--start-date YYYY-MM-DD] [--quiet]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from simulator.config import SimConfig
from simulator.run import simulate


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m simulator", description=__doc__.split("\n")[0])
    p.add_argument("--persons", type=int, required=True, help="size of the population")
    p.add_argument("--days", type=int, required=True, help="number of export days")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", type=Path, required=True, help="landing folder to write exports into")
    p.add_argument("--truth", type=Path, default=None, help="ground truth folder (default: <out>/../truth)")
    p.add_argument("--start-date", type=dt.date.fromisoformat, default=dt.date(2025, 1, 1))
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    a = p.parse_args(argv)
    if a.persons < 1 or a.days < 1:
        p.error("--persons and --days must be at least 1")
    cfg = SimConfig(a.persons, a.days, a.seed, a.out, a.truth, a.start_date, a.quiet)
    summary = simulate(cfg)
    if not a.quiet:
        print(
            f"wrote {summary['rows_written']:,} rows to {a.out} "
            f"({summary['bad_rows_total']:,} bad rows planted); truth in {cfg.truth_dir}",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
