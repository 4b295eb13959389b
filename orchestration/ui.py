"""`make ui`: the Dagster UI over the build you ran last.

    python -m orchestration.ui                   # dagster dev on 127.0.0.1:3000
    python -m orchestration.ui --automation on   # turn the daily_build schedule and new_exports sensor on (off: off)
    python -m orchestration.ui --show            # print what would be served, and exit

`make run` records its context in data/last_build.json: the variables it was configured with (landing
folder, warehouse, serving file, demo flag, as-of date...; never a secret). The UI serves that context
again, variables set in this shell win, and each warehouse has its own DAGSTER_HOME, so the runs, check
results and publish veto you see are that warehouse's. Secrets (PII_SALT, alert URLs, tokens) are not
written down: set them in the shell that starts the UI.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from customer360.settings import Settings, layered_environment
from orchestration.resources import ensure_dagster_home

CODE_LOCATION = ["-m", "orchestration.definitions"]
AUTOMATION = (("schedule", "daily_build"), ("sensor", "new_exports"))


def last_build_context(path: Path) -> dict[str, str]:
    """The variables the last build was configured with ({} before any build)."""
    try:
        return dict(json.loads(path.read_text()).get("environment", {}))
    except (FileNotFoundError, ValueError):
        return {}


def ui_environment(settings_file: Path | None = None) -> tuple[Settings, dict[str, str]]:
    """The settings the UI serves and the environment `dagster dev` is started with: the last build's
    variables under this shell's, DAGSTER_HOME of the warehouse, and this virtualenv first on PATH (dbt
    is found even when `.venv/bin/dagster` is run without activating it)."""
    path = settings_file or Settings.from_environment().last_build_file
    env = layered_environment(last_build_context(path))
    settings = Settings.from_environment(env)
    env["DAGSTER_HOME"] = str(ensure_dagster_home(settings))
    bin_dir = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join([bin_dir, *[p for p in env.get("PATH", "").split(os.pathsep) if p and p != bin_dir]])
    return settings, env


def describe(settings: Settings) -> str:
    as_of = f" (rebuild as of {settings.as_of_date})" if settings.as_of_date else ""
    return "\n".join([
        f"Serving the Dagster UI over the last build{as_of}:",
        f"  landing   {settings.landing_dir}",
        f"  warehouse {settings.warehouse_path}",
        f"  serving   {settings.serving_path}",
        f"  DAGSTER_HOME {settings.dagster_home}",
        "The daily_build schedule and the new_exports sensor are off until turned on: make automation-on.",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--automation", choices=("on", "off"), help="turn the schedule and sensor on or off")
    parser.add_argument("--show", action="store_true", help="print the context that would be served")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default="3000")
    args = parser.parse_args(argv)
    settings, env = ui_environment()
    dagster = str(Path(sys.executable).with_name("dagster"))
    if args.show:
        print(describe(settings))
        return 0
    if args.automation:
        verb = "start" if args.automation == "on" else "stop"
        for kind, name in AUTOMATION:
            done = subprocess.run([dagster, kind, verb, name, *CODE_LOCATION], env=env, check=False)
            if done.returncode:
                return done.returncode
        print(f"daily_build and new_exports are {args.automation} in {settings.dagster_home}; `make ui` runs the "
              "daemon that acts on them.")
        return 0
    print(describe(settings), flush=True)
    os.execve(dagster, [dagster, "dev", *CODE_LOCATION, "-h", args.host, "-p", args.port], env)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
