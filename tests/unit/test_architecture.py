"""The shape of the code: a plain library, a thin Dagster layer, one settings object, data flowing forward."""

import json
import os
import re
import subprocess
import sys

from customer360.dbt_artifacts import manifest_path, read_manifest
from customer360.settings import PROJECT_DIR

LIBRARY, ORCHESTRATION = PROJECT_DIR / "customer360", PROJECT_DIR / "orchestration"


def _sources(*folders):
    return [p for folder in folders for p in sorted(folder.rglob("*.py"))]


def test_the_library_never_imports_dagster():
    offenders = [p.name for p in _sources(LIBRARY) if re.search(r"^\s*(from|import) dagster", p.read_text(), re.MULTILINE)]
    assert offenders == []


def test_only_the_settings_module_reads_the_environment():
    offenders = [str(p.relative_to(PROJECT_DIR)) for p in _sources(LIBRARY, ORCHESTRATION, PROJECT_DIR / "simulator")
                 if re.search(r"os\.environ|getenv\(", p.read_text()) and p.name != "settings.py"]
    assert offenders == []


def test_no_intermediate_model_reads_a_mart():
    nodes = read_manifest(manifest_path(PROJECT_DIR))["nodes"]
    backwards = [(uid, dep) for uid, node in nodes.items() if node["resource_type"] == "model"
                 and node["fqn"][1] == "intermediate"
                 for dep in node["depends_on"]["nodes"] if dep in nodes and nodes[dep]["fqn"][1] == "marts"]
    assert backwards == []


def test_importing_any_module_parses_nothing_and_scans_no_folder(tmp_path):
    """Importing must not run dbt or list the landing folder: Dagster, tests and notebooks import freely."""
    modules = [".".join(p.relative_to(PROJECT_DIR).with_suffix("").parts) for p in _sources(LIBRARY, ORCHESTRATION)]
    modules = [m.removesuffix(".__init__") for m in modules]
    landing = tmp_path / "landing"
    (landing / "shop" / "orders").mkdir(parents=True)
    code = (
        "import os, subprocess\n"
        "real_popen = subprocess.Popen\n"
        "class NoDbt(real_popen):\n"
        "    def __init__(self, args, *rest, **kwargs):\n"
        "        if 'dbt' in repr(args):\n"
        "            raise SystemExit('dbt started at import: ' + repr(args))\n"
        "        super().__init__(args, *rest, **kwargs)\n"
        "subprocess.Popen = NoDbt\n"
        "import customer360.dbt_artifacts as artifacts\n"
        "def no_parse(*args, **kwargs):\n"
        "    raise SystemExit('the dbt manifest was prepared at import')\n"
        "artifacts.ensure_manifest = no_parse\n"
        "listed = []\n"
        "for name in ('walk', 'scandir', 'listdir'):\n"
        "    def spy(path='.', *args, _real=getattr(os, name), **kwargs):\n"
        "        listed.append(str(path))\n"
        "        return _real(path, *args, **kwargs)\n"
        "    setattr(os, name, spy)\n"
        f"for name in {json.dumps(modules)}:\n"
        "    __import__(name)\n"
        f"touched = [p for p in listed if p.startswith({str(landing)!r})]\n"
        "assert not touched, f'the landing folder was listed at import: {touched}'\n"
    )
    env = {**os.environ, "LANDING_DIR": str(landing)}
    done = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_DIR, env=env, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr[-2000:]
