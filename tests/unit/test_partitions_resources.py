"""Where the warehouse, the landing folder and the first partition come from."""

from pathlib import Path

import duckdb

from orchestration.partitions import FALLBACK_START, partitions_start_date
from orchestration.resources import PROJECT_DIR, Warehouse, build_resources


def test_partitions_start_at_the_env_then_the_earliest_export_then_a_default(tmp_path, monkeypatch):
    monkeypatch.delenv("C360_PARTITIONS_START", raising=False)
    assert partitions_start_date(str(tmp_path / "missing")) == FALLBACK_START
    for rel in ["shop/orders/2025-04-02.csv", "web/events/2025-03-30_a.csv.gz", "notes/readme.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    assert partitions_start_date(str(tmp_path)) == "2025-03-30"
    monkeypatch.setenv("C360_PARTITIONS_START", "2024-12-01")
    assert partitions_start_date(str(tmp_path)) == "2024-12-01"


def test_resources_default_to_the_project_data_folder_and_follow_the_env(tmp_path, monkeypatch):
    monkeypatch.delenv("WAREHOUSE_PATH", raising=False)
    monkeypatch.delenv("LANDING_DIR", raising=False)
    wh = build_resources()["warehouse"]
    assert wh.path == str(PROJECT_DIR / "data" / "warehouse.duckdb")
    assert wh.landing_dir == str(PROJECT_DIR / "data" / "landing")
    assert wh.docs_dir == str(PROJECT_DIR / "data" / "docs")
    monkeypatch.setenv("WAREHOUSE_PATH", str(tmp_path / "w" / "x.duckdb"))
    monkeypatch.setenv("LANDING_DIR", "relative/landing")
    wh = build_resources()["warehouse"]
    assert wh.path == str(tmp_path / "w" / "x.duckdb")
    assert Path(wh.landing_dir).is_absolute() and wh.landing_dir.endswith("relative/landing")


def test_connect_creates_the_folder_and_opens_the_file(tmp_path):
    wh = Warehouse(path=str(tmp_path / "deep" / "w.duckdb"), landing_dir=str(tmp_path), docs_dir=str(tmp_path))
    with wh.connect() as con:
        con.execute("create table t as select 1 as x")
    with wh.connect(read_only=True) as con:
        assert con.execute("select x from t").fetchall() == [(1,)]
    assert isinstance(con, duckdb.DuckDBPyConnection)
