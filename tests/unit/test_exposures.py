"""The exposures are the dashboard's pages: each page has one with its url, and each names the marts the
page queries (so dbt's lineage says which page a mart change breaks)."""

from __future__ import annotations

import json
import re

from customer360.dbt_artifacts import manifest_path
from tests.warehouse import PROJECT_DIR

DASHBOARD = PROJECT_DIR / "dashboard"


def pages() -> dict[str, str]:
    """url path -> the page's source file, from the dashboard's navigation ('' for the default page, at /)."""
    app = (DASHBOARD / "app.py").read_text()
    return {(re.search(r'url_path="([^"]+)"', args) or [None, ""])[1]: file
            for file, args in re.findall(r'st\.Page\("([^"]+)"(.*?)\)', app)}


def test_every_exposure_has_a_url_and_every_dashboard_page_an_exposure():
    manifest = json.loads(manifest_path(PROJECT_DIR).read_text())
    exposures = [e for e in manifest["exposures"].values()]
    assert exposures and all(e.get("url", "").startswith("http://127.0.0.1:8501/") for e in exposures)
    dashboards = {e["url"].rsplit("/", 1)[1]: e for e in exposures if e["type"] == "dashboard"}
    assert set(dashboards) == set(pages()) and len(pages()) == 6

    nodes = {**manifest["nodes"], **manifest["sources"]}
    for path, file in pages().items():
        queried = set(re.findall(r"marts\.(\w+)", (DASHBOARD / file).read_text()))
        declared = {nodes[uid]["name"] for uid in dashboards[path]["depends_on"]["nodes"]}
        assert declared == queried, path
