"""The dbt project as Dagster sees it, with a manifest guaranteed to exist at import time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from dagster_dbt import DbtProject

from orchestration.paths import PROJECT_DIR

os.environ.setdefault("DO_NOT_TRACK", "1")  # saves ~3 s per dbt invocation

dbt_project = DbtProject(project_dir=PROJECT_DIR, profiles_dir=PROJECT_DIR)


def ensure_manifest() -> None:
    """`dagster dev` prepares the manifest itself; tests, `make run` and CI must not depend on that."""
    dbt_project.prepare_if_dev()
    if not dbt_project.manifest_path.exists():
        subprocess.run(
            [str(Path(sys.executable).with_name("dbt")), "parse", "--quiet",
             "--project-dir", str(PROJECT_DIR), "--profiles-dir", str(PROJECT_DIR)],
            check=True,
            cwd=PROJECT_DIR,
        )


ensure_manifest()
