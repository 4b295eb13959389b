"""Configuration checks that run before anything is built: each returns the problems it found.

A build that would fail at publish after an hour of work (a serving folder it cannot write) or that
would build nothing useful (a mistyped LANDING_DIR, a folder without exports) stops here instead,
before ingest, with one line per problem. A check is a plain function of the settings returning a
list of one-line problems; ``CHECKS`` is the list ``make run`` runs (one more rule is one more
function in it).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from customer360.landing.files import discover
from customer360.settings import MissingSaltError, Settings

Check = Callable[[Settings], list[str]]
LAYOUT = "<source>/<entity>/<YYYY-MM-DD>*.csv|csv.gz|parquet"


def _writable_folder(folder: Path) -> str | None:
    """Why files cannot be created in ``folder`` (created if missing), None when they can."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        return f"cannot be created ({e.strerror or e})"
    if not folder.is_dir():
        return "is not a folder"
    try:  # os.access says yes on a read-only mount: create a file to be sure
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".c360-preflight-"):
            pass
    except OSError as e:
        return f"is not writable ({e.strerror or e})"
    return None


def serving_folder_writable(settings: Settings) -> list[str]:
    """Publish builds the serving file beside the old one and renames it into place."""
    why = _writable_folder(settings.serving_path.parent)
    return [(f"SERVING_PATH={settings.serving_path}: its folder {why}; publish could not write the serving "
             "file (set SERVING_PATH to a writable place).")] if why else []


def warehouse_folder_writable(settings: Settings) -> list[str]:
    why = _writable_folder(settings.warehouse_path.parent)
    return [f"WAREHOUSE_PATH={settings.warehouse_path}: its folder {why}."] if why else []


def landing_has_exports(settings: Settings) -> list[str]:
    """The landing folder exists and holds at least one export file of the contract."""
    landing = settings.landing_dir
    if not landing.exists():
        return [(f"LANDING_DIR={landing} does not exist: point LANDING_DIR at your exports ({LAYOUT}, "
                 "docs/landing.md), or leave it unset for the demo.")]
    if not landing.is_dir():
        return [f"LANDING_DIR={landing} is not a folder."]
    if not os.access(landing, os.R_OK | os.X_OK):
        return [f"LANDING_DIR={landing} cannot be read."]
    found = discover(landing)
    if found.files:
        return []
    others = len(found.unknown) + len(found.unrecognised)
    return [f"LANDING_DIR={landing} holds no recognised export file ({LAYOUT}, docs/landing.md)"
            + (f"; {others} other file(s) found there" if others else ", it is empty") + "."]


def salt_for_own_data(settings: Settings) -> list[str]:
    """The public demo salt only for the simulated demo landing: any other landing needs PII_SALT.
    (A landing folder without exports is landing_has_exports's problem, said once.)"""
    if landing_has_exports(settings):
        return []
    try:
        settings.salt()
    except MissingSaltError as error:
        return [str(error)]
    return []


def simulate_demo_into(settings: Settings, *, asked: bool = False, refused: bool = False) -> bool:
    """Whether `make run` fills the landing folder with the simulated demo: only when it holds no export
    and is the default data/landing, or the demo was asked for (--simulate). A mistyped LANDING_DIR must
    never become a demo warehouse published to SERVING_PATH."""
    if refused or discover(settings.landing_dir).files or any(settings.landing_dir.glob("*/*/*")):
        return False
    return settings.landing_is_default or asked


CHECKS: tuple[Check, ...] = (landing_has_exports, salt_for_own_data, warehouse_folder_writable,
                             serving_folder_writable)


def preflight(settings: Settings, checks: Sequence[Check] = CHECKS) -> list[str]:
    """Every problem of every check, in order (empty: go ahead)."""
    return [problem for check in checks for problem in check(settings)]
