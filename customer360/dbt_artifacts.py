"""What the project reads from dbt's artifacts: a current manifest, the relations and column tags in it,
and the saved parse that spares each dbt invocation a full parse. Plain functions, no Dagster."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from customer360.settings import Settings

# What the manifest is parsed from: a change to any of these makes it stale.
PROJECT_SOURCES = ("dbt_project.yml", "profiles.yml", "selectors.yml", "models", "macros", "seeds", "data-tests")
PARTIAL_PARSE = "partial_parse.msgpack"


def manifest_path(project_dir: Path) -> Path:
    return project_dir / "target" / "manifest.json"


def newest_source_mtime(project_dir: Path) -> float:
    """The newest modification time of any file the dbt manifest is parsed from (0 if none)."""
    newest = 0.0
    for name in PROJECT_SOURCES:
        path = project_dir / name
        files = [path] if path.is_file() else (p for p in path.rglob("*") if p.is_file())
        for file in files:
            newest = max(newest, file.stat().st_mtime)
    return newest


def manifest_is_stale(manifest: Path, project_dir: Path) -> bool:
    """Missing, or older than a model, macro, seed, test or project file: Dagster would build from an
    asset graph without the change (a new model would be missing from every run)."""
    return not manifest.exists() or manifest.stat().st_mtime < newest_source_mtime(project_dir)


def dbt_executable() -> str:
    """dbt on PATH, else the one installed beside this Python (a venv's python run without activating it)."""
    beside = Path(sys.executable).parent / "dbt"
    return shutil.which("dbt") or str(beside)


def ensure_manifest(settings: Settings) -> Path:
    """target/manifest.json, parsed again when stale. `dagster dev` prepares it itself; tests, `make run`
    and CI must not depend on that. A whole parse: dbt's partial parse kept exposures whose YAML had
    been deleted (seen after a merge), and the asset graph is built from this manifest."""
    manifest = manifest_path(settings.project_dir)
    if manifest_is_stale(manifest, settings.project_dir):
        subprocess.run(
            [dbt_executable(), "parse", "--quiet", "--no-partial-parse", "--target", settings.engine,
             "--project-dir", str(settings.project_dir), "--profiles-dir", str(settings.project_dir)],
            check=True, cwd=settings.project_dir,
        )
    return manifest


# ------------------------------------------------------------------------------ what the manifest says


@dataclass(frozen=True)
class Relation:
    schema: str
    name: str

    def __str__(self) -> str:
        return f'{self.schema}."{self.name}"'


@cache
def _manifest(path: Path, mtime: float) -> dict:
    return json.loads(path.read_text())


def read_manifest(path: Path) -> dict:
    """The parsed manifest, read once per version of the file."""
    return _manifest(path, path.stat().st_mtime)


def model_relations(manifest: Path) -> dict[str, Relation]:
    """Model and seed name -> the relation dbt builds it as (schema and alias; the catalog is the
    warehouse file's, whichever file that is)."""
    nodes = read_manifest(manifest)["nodes"].values()
    return {n["name"]: Relation(n["schema"], n.get("alias") or n["name"])
            for n in nodes if n.get("resource_type") in ("model", "seed")}


def project_vars(project_dir: Path) -> dict:
    """The vars of dbt_project.yml (the manifest does not keep them): one home for a limit dbt and a
    Python check share."""
    import yaml

    return yaml.safe_load((project_dir / "dbt_project.yml").read_text()).get("vars", {})


def incremental_models(manifest: Path) -> list[Relation]:
    """The models dbt builds incrementally, as relations."""
    nodes = read_manifest(manifest)["nodes"].values()
    return sorted((Relation(n["schema"], n.get("alias") or n["name"]) for n in nodes
                   if n.get("resource_type") == "model" and n["config"].get("materialized") == "incremental"),
                  key=str)


def tagged_columns(manifest: Path, tag: str) -> dict[str, set[str]]:
    """Model name -> columns carrying a tag in dbt (config: {tags: [...]})."""
    out: dict[str, set[str]] = {}
    for node in read_manifest(manifest)["nodes"].values():
        if node.get("resource_type") != "model":
            continue
        tagged = {
            name for name, col in node.get("columns", {}).items()
            if tag in (col.get("tags") or []) or tag in (col.get("config", {}).get("tags") or [])
        }
        if tagged:
            out[node["name"]] = tagged
    return out


def serving_meta(manifest: Path) -> dict[str, dict[str, object]]:
    """Model name -> column -> its `serving` meta (how publish treats it; customer360/serving/policy.py),
    for the columns that carry one."""
    out: dict[str, dict[str, object]] = {}
    for node in read_manifest(manifest)["nodes"].values():
        if node.get("resource_type") != "model":
            continue
        for name, col in node.get("columns", {}).items():
            meta = {**(col.get("meta") or {}), **((col.get("config") or {}).get("meta") or {})}
            if "serving" in meta:
                out.setdefault(node["name"], {})[name] = meta["serving"]
    return out


@dataclass(frozen=True)
class TableDocs:
    description: str
    columns: dict[str, str]  # column -> description


def table_docs(manifest: Path, schema: str = "marts") -> dict[str, TableDocs]:
    """Relation name -> its dbt description and column descriptions, for the models and sources in one
    schema (sources: tables another step writes, such as the CLV step's)."""
    manifest_dict = read_manifest(manifest)
    nodes = [n for n in manifest_dict["nodes"].values() if n.get("resource_type") == "model"]
    nodes += list(manifest_dict.get("sources", {}).values())
    out: dict[str, TableDocs] = {}
    for node in nodes:
        if node.get("schema") != schema:
            continue
        name = node.get("alias") or node.get("identifier") or node["name"]
        out[name] = TableDocs(
            description=" ".join((node.get("description") or "").split()),
            columns={c: " ".join((col.get("description") or "").split())
                     for c, col in node.get("columns", {}).items()},
        )
    return out


# ------------------------------------------------------------------ partial parsing between dbt steps


def partial_parse_cache(settings: Settings) -> Path:
    """Where the last parse made with these settings' dbt profile is kept (one file per warehouse):
    dbt parses the whole project again (~3.5 s) when the profile differs from its saved parse's."""
    profile = "|".join(f"{k}={v}" for k, v in sorted(settings.dbt_environment().items()))
    key = hashlib.sha256(f"{settings.engine}|{profile}".encode()).hexdigest()
    return settings.project_dir / "target" / "partial_parse" / f"{key[:16]}.msgpack"


def reuse_partial_parse(settings: Settings, target_path: Path) -> None:
    """Seed a dbt invocation's own target folder with the last parse made for this profile.

    dagster-dbt seeds it from target/partial_parse.msgpack, which whatever ran dbt last wrote: with
    another warehouse path (make run, the tests, the bench) it makes a dbt step parse the whole project
    again. Call before the invocation (dagster-dbt does not overwrite the file)."""
    cached = partial_parse_cache(settings)
    destination = settings.project_dir / target_path / PARTIAL_PARSE
    if cached.exists() and not destination.exists():
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, destination)


def keep_partial_parse(settings: Settings, target_path: Path) -> None:
    """Keep the invocation's parse for the next dbt step with this profile (atomically: steps of two
    runs may finish together)."""
    made = settings.project_dir / target_path / PARTIAL_PARSE
    if not made.exists():
        return
    cached = partial_parse_cache(settings)
    cached.parent.mkdir(parents=True, exist_ok=True)
    writing = cached.with_name(f".{cached.name}.{os.getpid()}")
    shutil.copyfile(made, writing)
    os.replace(writing, cached)


# ----------------------------------------------------------------------------- dbt's own results


def results_summary(run_results: dict, slowest: int = 8) -> dict:
    """A dbt invocation in figures, from its run_results.json: seconds, nodes by type and status, the
    slowest nodes (markdown for the UI and one line for the log)."""
    results = run_results.get("results", [])
    by_status: dict[tuple[str, str], int] = {}
    for r in results:
        kind = r["unique_id"].split(".", 1)[0]
        key = (kind, str(r.get("status")).lower())
        by_status[key] = by_status.get(key, 0) + 1
    seconds = float(run_results.get("elapsed_time") or 0.0)
    top = sorted(results, key=lambda r: -float(r.get("execution_time") or 0))[:slowest]
    failed = sum(n for (_, status), n in by_status.items() if status in ("error", "fail"))
    markdown = "\n".join([
        f"**dbt build**: {seconds:,.0f} s, {len(results)} nodes.",
        "", "| node type | status | count |", "|---|---|--:|",
        *(f"| {kind} | {status} | {n} |" for (kind, status), n in sorted(by_status.items())),
        "", "Slowest nodes:", "", "| node | seconds |", "|---|--:|",
        *(f"| {r['unique_id'].split('.')[-1]} | {float(r.get('execution_time') or 0):.1f} |" for r in top),
    ])
    return {"seconds": round(seconds, 1), "nodes": len(results), "failed": failed, "markdown": markdown,
            "text": f"{seconds:.0f} s, {len(results)} nodes, {failed} failed or errored"}


# --------------------------------------------------------------------------------- dbt tests, in words


def test_description(node: dict) -> str:
    """What a dbt data test asserts, as a sentence for the Dagster UI: its own description (the test's
    `description` in YAML, or meta.description), else one made from the generic test and its arguments,
    else the leading comment of a singular test's SQL."""
    own = node.get("description") or (node.get("meta") or {}).get("description") \
        or ((node.get("config") or {}).get("meta") or {}).get("description")
    if own:
        return " ".join(own.split())
    metadata = node.get("test_metadata") or {}
    kwargs = metadata.get("kwargs") or {}
    model = _model_of(kwargs.get("model", "")) or "the model"
    column = kwargs.get("column_name")
    blocking = "" if (node.get("config") or {}).get("severity", "error").lower() == "error" else " (warning)"
    name = metadata.get("name")
    if name == "unique":
        return f"Each {column} appears once in {model}{blocking}."
    if name == "not_null":
        return f"{column} is never empty in {model}{blocking}."
    if name == "accepted_values":
        values = ", ".join(str(v) for v in kwargs.get("values", []))
        return f"{column} in {model} is one of: {values}{blocking}."
    if name == "relationships":
        return (f"Every {column} of {model} exists as {kwargs.get('field')} in "
                f"{_model_of(kwargs.get('to', '')) or 'its parent'}{blocking}.")
    if name == "unique_combination":
        columns = ", ".join(kwargs.get("columns", []))
        return f"Each combination of ({columns}) appears once in {model}{blocking}."
    if name:
        return f"{name} on {model}{f'.{column}' if column else ''}{blocking}."
    comment = [line.lstrip("- ").strip() for line in (node.get("raw_code") or "").splitlines()
               if line.startswith("--")]
    return " ".join(comment) or f"dbt test {node.get('name')}"


def _model_of(ref: str) -> str:
    """"{{ get_where_subquery(ref('dim_customers')) }}" -> dim_customers; source('crm', 'customers') ->
    crm.customers."""
    import re

    if found := re.search(r"ref\(['\"]([^'\"]+)['\"]\)", ref):
        return found.group(1)
    if found := re.search(r"source\(['\"]([^'\"]+)['\"],\s*['\"]([^'\"]+)['\"]\)", ref):
        return f"{found.group(1)}.{found.group(2)}"
    return ""
