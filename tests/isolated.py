"""Run Python with other packages than the project's, as a BI tool or another team would: uv's isolated
environments (resolved from PyPI once, then from uv's cache) and the dashboard's own locked environment."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
DASHBOARD_DIR = PROJECT_DIR / "dashboard"


def uv() -> list[str]:
    found = shutil.which("uv")
    return [found] if found else [sys.executable, "-m", "uv"]


def run_isolated(packages: list[str], args: list[str], cwd: Path | None = None, env: dict | None = None,
                 timeout: int = 600) -> subprocess.CompletedProcess:
    """`args` run in a throwaway environment holding only `packages`."""
    command = [*uv(), "run", "--isolated", "--no-project", "--python", "3.11",
               *(a for p in packages for a in ("--with", p)), *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout, check=False)


def dashboard_python() -> Path:
    """The dashboard's interpreter (make dashboard-setup makes it; synced here when missing)."""
    python = DASHBOARD_DIR / ".venv" / "bin" / "python"
    if not python.exists():
        subprocess.run([*uv(), "sync", "--project", str(DASHBOARD_DIR), "--frozen", "--compile-bytecode"],
                       check=True, capture_output=True)
    return python
