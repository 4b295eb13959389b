"""`make train-matcher`: train the probabilistic matcher on a built warehouse and write the model file.

    WAREHOUSE_PATH=... C360_MATCHER_MODEL=... python -m customer360.identity.train [--max-pairs 5e6]

Reads the person records of the warehouse WAREHOUSE_PATH names (built by `make run` on your
exports), trains (u by random sampling, the prior from deterministic rules, m by expectation
maximisation) and writes Splink's model JSON to C360_MATCHER_MODEL (default: the demo model in the
repository). The next build scores with it. docs/identity.md explains the model and its threshold.
"""

from __future__ import annotations

import argparse
import sys
import time

import duckdb

from customer360.identity.matcher import RECORDS, model_tables, save_model, train
from customer360.settings import Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--max-pairs", type=float, default=5e6, help="pairs sampled to estimate u")
    args = parser.parse_args(argv)
    settings = Settings.from_environment()
    if not settings.warehouse_path.exists():
        print(f"No warehouse at {settings.warehouse_path}: run `make run` first (LANDING_DIR=your exports).",
              file=sys.stderr)
        return 2
    started = time.monotonic()
    with duckdb.connect(str(settings.warehouse_path), read_only=True) as con:
        try:
            model = train(con, max_pairs=args.max_pairs)
        except duckdb.CatalogException:
            print(f"{RECORDS} is missing from {settings.warehouse_path}: run `make run` first.", file=sys.stderr)
            return 2
        except ValueError as error:  # no record carries a name: nothing to match
            print(str(error), file=sys.stderr)
            return 2
    path = save_model(model, settings.matcher_model)
    tables = model_tables(model)
    print(f"Trained on {model['customer360']['records']:,} person records in {time.monotonic() - started:.0f} s; "
          f"model written to {path}")
    print(f"prior match weight {tables['prior'][0]['prior_match_weight']:.2f}")
    for level in tables["levels"]:
        if not level["is_null_level"]:
            print(f"  {level['comparison']:<12} {level['label'][:55]:<55} {level['match_weight']:+7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
