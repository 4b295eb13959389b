"""The dbt project as Dagster sees it, with a manifest guaranteed to exist, and to be current, at import time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from dagster_dbt import DbtProject

from orchestration.paths import PROJECT_DIR

os.environ.setdefault("DO_NOT_TRACK", "1")  # saves ~3 s per dbt invocation

dbt_project = DbtProject(project_dir=PROJECT_DIR, profiles_dir=PROJECT_DIR)

# What the manifest is parsed from: a change to any of these makes it stale.
PROJECT_SOURCES = ("dbt_project.yml", "profiles.yml", "selectors.yml", "models", "macros", "seeds", "data-tests")


def newest_source_mtime(project_dir: Path = PROJECT_DIR) -> float:
    """The newest modification time of any file the dbt manifest is parsed from (0 if none)."""
    newest = 0.0
    for name in PROJECT_SOURCES:
        path = project_dir / name
        files = [path] if path.is_file() else (p for p in path.rglob("*") if p.is_file())
        for file in files:
            newest = max(newest, file.stat().st_mtime)
    return newest


def manifest_is_stale(manifest: Path, project_dir: Path = PROJECT_DIR) -> bool:
    """Missing, or older than a model, macro, seed, test or project file: Dagster would build from an
    asset graph without the change (a new model would be missing from every run)."""
    return not manifest.exists() or manifest.stat().st_mtime < newest_source_mtime(project_dir)


def ensure_manifest() -> None:
    """`dagster dev` prepares the manifest itself; tests, `make run` and CI must not depend on that."""
    dbt_project.prepare_if_dev()
    if manifest_is_stale(dbt_project.manifest_path):
        subprocess.run(
            [str(Path(sys.executable).with_name("dbt")), "parse", "--quiet",
             "--project-dir", str(PROJECT_DIR), "--profiles-dir", str(PROJECT_DIR)],
            check=True,
            cwd=PROJECT_DIR,
        )


ensure_manifest()
