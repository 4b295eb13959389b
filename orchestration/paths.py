"""Where things live. Every path is absolute so dbt, Dagster and tests agree whatever the cwd."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).resolve() if value else default


def warehouse_path() -> Path:
    return _env_path("WAREHOUSE_PATH", PROJECT_DIR / "data" / "warehouse.duckdb")


def landing_dir() -> Path:
    return _env_path("LANDING_DIR", PROJECT_DIR / "data" / "landing")


def truth_dir() -> Path:
    """The simulator's ground truth; only the identity-quality check reads it."""
    return _env_path("TRUTH_DIR", landing_dir().parent / "truth")


def serving_path() -> Path:
    return _env_path("SERVING_PATH", PROJECT_DIR / "data" / "serving" / "customer360.duckdb")


def docs_dir() -> Path:
    return _env_path("DOCS_DIR", PROJECT_DIR / "data" / "docs")
