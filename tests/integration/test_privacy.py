"""Privacy and short history end to end, through `make run` (python -m orchestration.build) three times on
one landing folder, warehouse, serving file and DAGSTER_HOME (issue 20, points 3, 4 and 8):

1. 29 days of the simulated shops plus Zelda, a customer of every source: published; the CLV fit has
   too little history to judge, so its predictions are NULL and the check only warns;
2. Zelda's erasure request arrives (C360_ERASE_LANDING=1): afterwards not one of her identifiers is in
   any file under the data folder (warehouse, serving file, its rollback copy, landing files, GX docs),
   in the Dagster storage and compute logs, in dbt's run folders or on the console;
3. an erasure file the loader must reject (`;`-delimited) blocks publish: the serving file is unchanged.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from customer360.serving import pii_hash
from customer360.settings import DEMO_SALT
from tests.conftest import simulate
from tests.warehouse import PROJECT_DIR

ZELDA = {
    "crm_customer_id": "C900001", "shop_account_id": "A900001", "loyalty_card_number": "LC90000001",
    "email": "zelda.quartermaine@privacy.test", "phone": "+44 7700 900461", "device_id": "dev-zq-0001",
    "anonymous_id": "anon-zq-0001", "social_handle": "@zeldaq", "first_name": "Zelda", "last_name": "Quartermaine",
    "street": "17 Wisteria Lane",
}
# what must not be found anywhere: every identifier as exported and as normalised, her name and street,
# and their salted hashes as the serving file would hold them
PLAIN = ["C900001", "A900001", "LC90000001", "zelda.quartermaine@privacy.test", "7700 900461", "+447700900461",
         "dev-zq-0001", "anon-zq-0001", "zeldaq", "Quartermaine", "Wisteria"]
HASHED = [pii_hash(v, DEMO_SALT) for v in ("zelda.quartermaine@privacy.test", "+447700900461", "Quartermaine",
                                             "Zelda", "17 Wisteria Lane", "zeldaq")]
DAYS = 29


def _zelda_files(landing: Path, store_id: str) -> None:
    z = ZELDA

    def write(rel: str, text: str | bytes) -> None:
        path = landing / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode())

    write("crm/customers/2025-01-02_zq.csv",
          "crm_customer_id,first_name,last_name,email,phone,birth_date,street,postcode,city,country,created_at,updated_at\n"
          f"{z['crm_customer_id']},{z['first_name']},{z['last_name']},{z['email']},{z['phone']},1984-07-15,"
          f"{z['street']},LS1 4AP,Leeds,GB,2024-03-01T10:00:00Z,2025-01-02T09:00:00Z\n")
    write("crm/consents/2025-01-02_zq.csv", "crm_customer_id,purpose,channel,granted,recorded_at\n"
          f"{z['crm_customer_id']},marketing,email,true,2025-01-02T09:00:00Z\n")
    # her shop account, and a second copy of it from a latin-1 system: that row is quarantined, her
    # email in its payload
    write("shop/accounts/2025-01-03_zq.csv", "shop_account_id,email,first_name,last_name,phone,created_at\n"
          f"{z['shop_account_id']},{z['email']},{z['first_name']},{z['last_name']},{z['phone']},2025-01-03T08:00:00Z\n"
          .encode() + f"A900002,{z['email']},Zeld\xe1,{z['last_name']},,2025-01-03T08:05:00Z\n".encode("latin-1"))
    orders, lines = [], []
    for n, day in enumerate(("05", "12", "20"), 1):
        orders.append(f"ZQ-O{n},{z['shop_account_id']},,2025-01-{day}T11:00:00Z,placed,{20 * n}.50,GBP,web")
        lines.append(f"ZQ-O{n},1,SKU-00{n},1,{20 * n}.50")
    orders.append(f"ZQ-O9,{z['shop_account_id']},{z['email']},2025-01-20T12:00:00Z,placed,-3,GBP,web")  # quarantined
    write("shop/orders/2025-01-20_zq.csv",
          "order_id,shop_account_id,guest_email,ordered_at,status,order_total,currency,device_channel\n"
          + "\n".join(orders) + "\n")
    write("shop/order_lines/2025-01-20_zq.csv", "order_id,line_number,sku,quantity,unit_price\n" + "\n".join(lines) + "\n")
    write("web/events/2025-01-05_zq.csv", "event_id,anonymous_id,shop_account_id,event_type,page_url,occurred_at,received_at\n"
          f"ZQ-W1,{z['anonymous_id']},,page_view,https://shop.example/zelda,2025-01-05T10:50:00Z,2025-01-05T10:50:01Z\n"
          f"ZQ-W2,{z['anonymous_id']},{z['shop_account_id']},login,https://shop.example/login,2025-01-05T10:52:00Z,\n")
    write("app/events/2025-01-08_zq.csv", "event_id,device_id,app_user_id,platform,event_type,occurred_at,received_at\n"
          f"ZQ-A1,{z['device_id']},{z['shop_account_id']},ios,app_open,2025-01-08T07:00:00Z,\n")
    write("loyalty/cards/2025-01-04_zq.csv", "loyalty_card_number,crm_customer_id,email,phone,issued_at,status\n"
          f"{z['loyalty_card_number']},{z['crm_customer_id']},{z['email']},,2025-01-04T09:00:00Z,active\n")
    write("pos/transactions/2025-01-15_zq.csv",
          "transaction_id,store_id,loyalty_card_number,transacted_at,total_amount,currency\n"
          f"ZQ-T1,{store_id},{z['loyalty_card_number']},2025-01-15T13:00:00,12.00,GBP\n")
    write("pos/transaction_lines/2025-01-15_zq.csv", "transaction_id,line_number,sku,quantity,unit_price\n"
          "ZQ-T1,1,SKU-009,2,6.00\n")
    write("email/events/2025-01-10_zq.csv", "event_id,email,campaign_id,event_type,occurred_at\n"
          f"ZQ-E1,{z['email']},CMP-1,open,2025-01-10T08:00:00Z\n")
    write("care/tickets/2025-01-11_zq.csv",
          "ticket_id,channel,contact_email,contact_phone,social_handle,opened_at,first_response_at,resolved_at,csat_score\n"
          f"ZQ-K1,social,{z['email']},{z['phone']},{z['social_handle']},2025-01-11T09:00:00Z,,,\n")
    write("survey/nps_responses/2025-01-14_zq.csv", "response_id,crm_customer_id,email,score,answered_at,comment\n"
          f"ZQ-N1,{z['crm_customer_id']},{z['email']},9,2025-01-14T09:00:00Z,\"Love it, {z['first_name']} {z['last_name']}\"\n")
    write("reviews/reviews/2025-01-16_zq.csv", "review_id,shop_account_id,email,sku,rating,submitted_at,review_text\n"
          f"ZQ-R1,{z['shop_account_id']},{z['email']},SKU-001,5,2025-01-16T09:00:00Z,Signed {z['last_name']}\n")


@dataclass
class World:
    root: Path
    landing: Path
    warehouse: Path
    serving: Path
    dagster_home: Path
    console: list[str]

    def env(self, **extra: str) -> dict[str, str]:
        return {**os.environ, "LANDING_DIR": str(self.landing), "WAREHOUSE_PATH": str(self.warehouse),
                # no ground truth: identity is judged on real exports' terms (this is about privacy, not
                # matching quality; the simulator's answer key stays out of the build)
                "SERVING_PATH": str(self.serving), "TRUTH_DIR": str(self.root / "no_truth"),
                "DOCS_DIR": str(self.root / "docs"), "DAGSTER_HOME": str(self.dagster_home), "C360_DEMO": "1",
                "C360_GX_MAX_DAYS": "2", "C360_LOG_DIR": str(self.root / "logs"),  # make run's logs are scanned too
                "C360_LAST_BUILD": str(self.root / "last_build.json"), **extra}

    def build(self, **extra: str) -> subprocess.CompletedProcess:
        """`make run` on this world: the console output is kept (it is one of the logs scanned)."""
        out = subprocess.run([sys.executable, "-m", "orchestration.build"], cwd=PROJECT_DIR, env=self.env(**extra),
                             capture_output=True, text=True, timeout=900, check=False)
        self.console.append(out.stdout + out.stderr)
        return out

    def query(self, path: Path, sql: str):
        with duckdb.connect(str(path), read_only=True) as con:
            return con.execute(sql).fetchall()


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def latest_check(world: World, asset: list[str], name: str):
    with dg.DagsterInstance.from_config(str(world.dagster_home)) as instance:
        key = dg.AssetCheckKey(dg.AssetKey(asset), name)
        record = instance.event_log_storage.get_latest_asset_check_execution_by_key([key])[key]
        return record.event.asset_check_evaluation


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:
    root = tmp_path_factory.mktemp("privacy")
    simulate(root, persons=300, days=DAYS, seed=20)
    (root / "dagster_home").mkdir()
    (root / "dagster_home" / "dagster.yaml").write_text("concurrency:\n  pools:\n    default_limit: 1\n")
    world = World(root, root / "landing", root / "warehouse.duckdb", root / "serving" / "customer360.duckdb",
                  root / "dagster_home", [])
    store = (world.landing / "pos" / "stores").glob("*.csv").__next__().read_text().splitlines()[1].split(",")[0]
    _zelda_files(world.landing, store)
    return world


@pytest.fixture(scope="module")
def first(world):
    """Build 1: 29 days, Zelda everywhere."""
    out = world.build()
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    world.customer_id = world.query(world.warehouse, "select customer_id from intermediate.int_identity__customer_ids "
                                                     "where identifier_value = 'C900001'")[0][0]
    return out


@pytest.fixture(scope="module")
def erased(world, first):
    """Build 2: her erasure request arrives; landing files are rewritten without her."""
    path = world.landing / "crm" / "erasure_requests" / "2025-01-29_zq.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"crm_customer_id,email,requested_at\n,{ZELDA['email'].upper()},2025-01-29T10:00:00Z\n")
    out = world.build(C360_ERASE_LANDING="1")
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    return out


# ------------------------------------------------------------------------------ the scan


def scan_bytes(paths, needles: list[str]) -> list[tuple[str, str]]:
    """(file, needle) for every needle found in a file's bytes, case-insensitively."""
    lowered = [(n, n.lower().encode()) for n in needles]
    hits = []
    for path in paths:
        try:
            data = path.read_bytes().lower()
        except OSError:
            continue
        hits += [(str(path), n) for n, b in lowered if b in data]
    return hits


def scan_duckdb(path: Path, needles: list[str]) -> list[tuple[str, str, str]]:
    """(file, table.column, needle) for every value of every column holding a needle, case-insensitively."""
    pattern = "|".join(re.escape(n.lower()) for n in needles)
    hits = []
    with duckdb.connect(str(path), read_only=True) as con:
        columns = con.execute("select table_schema, table_name, column_name from information_schema.columns "
                              "where table_catalog = current_database()").fetchall()
        for schema, table, column in columns:
            found = con.execute(f'select distinct regexp_extract(lower(cast("{column}" as varchar)), ?) '
                                f'from "{schema}"."{table}" where regexp_matches(lower(cast("{column}" as varchar)), ?)',
                                [pattern, pattern]).fetchall()
            hits += [(path.name, f"{schema}.{table}.{column}", v) for (v,) in found]
    return hits


def every_file(world: World, run_ids: list[str]) -> list[Path]:
    files = [p for p in world.root.rglob("*") if p.is_file()]  # data, landing, docs, serving, DAGSTER_HOME
    files += [p for r in run_ids for d in PROJECT_DIR.glob(f"target/*-{r[:7]}-*") for p in d.rglob("*") if p.is_file()]
    return files


def run_ids(world: World) -> list[str]:
    with dg.DagsterInstance.from_config(str(world.dagster_home)) as instance:
        return [r.run_id for r in instance.get_runs()]


def test_the_scan_finds_her_before_the_erasure(world, first):
    """The scan is not blind: after build 1 she is in the warehouse, the serving file and the landing folder."""
    needles = PLAIN + HASHED + [world.customer_id]
    duck = scan_duckdb(world.warehouse, needles) + scan_duckdb(world.serving, needles)
    assert {table.split(".")[0] for _, table, _ in duck} >= {"raw", "staging", "intermediate", "marts"}
    assert any(f == world.serving.name and "dim_customers" in t for f, t, _ in duck)
    assert scan_bytes([p for p in world.landing.rglob("*_zq.csv")], PLAIN)


def test_after_her_erasure_none_of_her_identifiers_is_anywhere(world, erased):
    needles = PLAIN + HASHED + [world.customer_id]
    files = every_file(world, run_ids(world))
    databases = [p for p in files if p.suffix == ".duckdb"]
    assert {p.name for p in databases} >= {"warehouse.duckdb", "customer360.duckdb"}
    assert [hit for db in databases for hit in scan_duckdb(db, needles)] == []
    assert scan_bytes(files, needles) == []  # every file's bytes: DuckDB files' free blocks, sqlite, logs
    console = "\n".join(world.console).lower()  # what make run printed, both builds
    assert [n for n in needles if n.lower() in console] == []
    assert any((world.dagster_home / "storage").rglob("*")), "the compute logs were scanned"


def test_the_erasure_kept_what_the_audit_needs_and_said_what_it_did(world, erased):
    rows = dict(world.query(world.warehouse, "select raw_table, count(*) from audit.erased_rows "
                                             "where source_file like '%_zq.csv' group by 1"))
    assert rows == {"crm__customers": 1, "crm__consents": 1, "crm__erasure_requests": 1, "shop__accounts": 1,
                    "shop__orders": 3, "shop__order_lines": 3, "web__events": 2, "app__events": 1,
                    "loyalty__cards": 1, "pos__transactions": 1, "pos__transaction_lines": 1, "email__events": 1,
                    "care__tickets": 1, "survey__nps_responses": 1, "reviews__reviews": 1}
    (ledger,) = world.query(world.warehouse, "select count(*) from audit.erasure_ledger where identifier_hash = "
                                             f"'{hashlib.sha256(ZELDA['email'].encode()).hexdigest()}'")[0]
    assert ledger == 1  # her email as a hash: a replay of her files erases her again
    redacted = world.query(world.warehouse, "select source_file, line_number, reason, payload from raw.quarantine "
                                            "where source_file like '%_zq.csv' order by 1")
    assert [(f, ln, r) for f, ln, r, _ in redacted] == [
        ("shop/accounts/2025-01-03_zq.csv", 2, "bad_encoding"), ("shop/orders/2025-01-20_zq.csv", 4, "negative:order_total")]
    assert {p for *_, p in redacted} == {'{"redacted": "erasure"}'}
    files = world.query(world.warehouse, "select source_file, rewritten from audit.erased_landing_files")
    assert ("crm/customers/2025-01-02_zq.csv", True) in files and ("shop/accounts/2025-01-03_zq.csv", True) in files
    # the rewritten landing files keep everybody else: the simulated rows of those days still load
    assert (world.landing / "crm/customers/2025-01-02_zq.csv").read_text().count("\n") == 1  # the header
    assert not world.serving.with_name("customer360.previous.duckdb").exists()  # it held her: dropped
    console = world.console[-1]
    assert "succeeded" in console


# ------------------------------------------------------------------------------ short history (point 8)


def test_a_29_day_history_publishes_with_clv_null_and_a_warning(world, first):
    assert "succeeded" in first.stdout
    assert "warned clv_fit_healthy (1): marts/clv_model_fit" in first.stdout
    check = latest_check(world, ["marts", "clv_model_fit"], "clv_fit_healthy")
    assert check.severity == dg.AssetCheckSeverity.WARN  # the first run's evaluation is the latest
    predictions = world.query(world.serving, "select count(*), count(predicted_clv_12m), count(probability_alive) "
                                             "from marts.clv_predictions")[0]
    assert predictions[0] > 0 and predictions[1:] == (0, 0)


# ------------------------------------------------------------------------------ a broken erasure file (point 4)


def test_a_rejected_erasure_file_blocks_publish_and_the_serving_file_stays(world, erased):
    before = sha(world.serving)
    path = world.landing / "crm" / "erasure_requests" / "2025-01-30.csv"
    path.write_text("crm_customer_id;email;requested_at\nC000042;;2025-01-30T09:00:00Z\n")  # a ';' export
    out = world.build()

    assert out.returncode == 1
    assert "failed privacy_input_complete (1): raw/crm__erasure_requests" in out.stdout
    assert "the serving file was not changed" in out.stderr
    assert sha(world.serving) == before
    check = latest_check(world, ["raw", "crm__erasure_requests"], "privacy_input_complete")
    assert not check.passed and check.severity == dg.AssetCheckSeverity.ERROR
    assert "docs/runbook.md#privacy_input_complete" in check.description
    # the warehouse itself was built (dbt and the erasure ran): only publish refused
    assert world.query(world.warehouse, "select count(*) from raw.quarantine where source_file = "
                                        "'crm/erasure_requests/2025-01-30.csv'")[0][0] == 1
