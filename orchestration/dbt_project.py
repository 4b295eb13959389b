"""The dbt project as Dagster sees it, with a manifest guaranteed to exist, and to be current, at import time."""

from __future__ import annotations

import hashlib
import os
import shutil
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


# ------------------------------------------------------------------ partial parsing between dbt steps

# The environment the profile is rendered from (profiles.yml): dbt parses the whole project again
# (~3.5 s) when the profile differs from the one its saved parse was made with.
PROFILE_ENV = ("WAREHOUSE_PATH", "DBT_THREADS", "DUCKDB_MEMORY_LIMIT", "DUCKDB_THREADS")
PARTIAL_PARSE = "partial_parse.msgpack"


def partial_parse_cache(project_dir: Path = PROJECT_DIR) -> Path:
    """Where the last parse made with this environment's profile is kept (one file per warehouse)."""
    profile = "|".join(f"{name}={os.environ.get(name, '')}" for name in PROFILE_ENV)
    key = hashlib.sha256(profile.encode()).hexdigest()
    return project_dir / "target" / "partial_parse" / f"{key[:16]}.msgpack"


def reuse_partial_parse(target_path: Path, project_dir: Path = PROJECT_DIR) -> None:
    """Seed a dbt invocation's own target folder with the last parse made for this profile.

    dagster-dbt seeds it from target/partial_parse.msgpack, which whatever ran dbt last wrote: with
    another warehouse path (make run, the tests, the bench) it makes every dbt step of a run parse the
    whole project again. Call before the invocation (dagster-dbt does not overwrite the file)."""
    cached = partial_parse_cache(project_dir)
    destination = project_dir / target_path / PARTIAL_PARSE
    if cached.exists() and not destination.exists():
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, destination)


def keep_partial_parse(target_path: Path, project_dir: Path = PROJECT_DIR) -> None:
    """Keep the invocation's parse for the next dbt step with this profile (atomically: steps of two
    runs may finish together)."""
    made = project_dir / target_path / PARTIAL_PARSE
    if not made.exists():
        return
    cached = partial_parse_cache(project_dir)
    cached.parent.mkdir(parents=True, exist_ok=True)
    writing = cached.with_name(f".{cached.name}.{os.getpid()}")
    shutil.copyfile(made, writing)
    os.replace(writing, cached)


ensure_manifest()
