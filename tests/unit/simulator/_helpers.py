"""Helpers for the simulator tests: run it small and read its exports back with DuckDB."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from simulator.config import SimConfig
from simulator.run import simulate


@dataclass
class Run:
    landing: Path
    truth: Path
    planted: dict

    def files(self, source: str, entity: str) -> list[Path]:
        return sorted(p for p in (self.landing / source / entity).glob("*") if p.is_file())

    def data_files(self, source: str, entity: str) -> list[Path]:
        """Files with rows to read: not the 0-byte file, not the file missing a required column."""
        skip = {
            self.planted["files"].get("empty_file"),
            self.planted["files"].get("missing_column", {}).get("file"),
        }
        return [p for p in self.files(source, entity) if str(p.relative_to(self.landing)) not in skip]


def run_simulator(folder: Path, persons: int, days: int, seed: int) -> Run:
    cfg = SimConfig(persons=persons, days=days, seed=seed, out=folder / "landing", quiet=True)
    planted = simulate(cfg)
    assert json.loads((cfg.truth_dir / "planted.json").read_text()) == planted
    return Run(cfg.out, cfg.truth_dir, planted)


def export_date(path: Path) -> str:
    return re.match(r"\d{4}-\d{2}-\d{2}", path.name).group(0)


def relation(con: duckdb.DuckDBPyConnection, files: list[Path]) -> str:
    """SQL reading every file of one entity as text, with the file name alongside."""
    names = ", ".join(f"'{p}'" for p in files)
    if files[0].suffix == ".parquet":
        return f"read_parquet([{names}], filename=true, union_by_name=true)"
    return (
        f"read_csv([{names}], header=true, all_varchar=true, delim=',', quote='\"', escape='\"', "
        f"filename=true, union_by_name=true)"
    )


IDENTIFIER_COLUMNS = {  # where each kind of identifier appears in the exports
    ("crm", "customers"): [("crm_customer_id", "crm_customer_id"), ("email", "email"), ("phone", "phone")],
    ("crm", "consents"): [("crm_customer_id", "crm_customer_id")],
    ("crm", "erasure_requests"): [("crm_customer_id", "crm_customer_id"), ("email", "email")],
    ("shop", "accounts"): [("shop_account_id", "shop_account_id"), ("email", "email"), ("phone", "phone")],
    ("shop", "orders"): [("shop_account_id", "shop_account_id"), ("guest_email", "email")],
    ("shop", "carts"): [("shop_account_id", "shop_account_id"), ("anonymous_id", "anonymous_id")],
    ("web", "events"): [("anonymous_id", "anonymous_id"), ("shop_account_id", "shop_account_id")],
    ("app", "events"): [("device_id", "device_id"), ("app_user_id", "shop_account_id")],
    ("pos", "transactions"): [("loyalty_card_number", "loyalty_card_number")],
    ("loyalty", "cards"): [
        ("loyalty_card_number", "loyalty_card_number"),
        ("crm_customer_id", "crm_customer_id"),
        ("email", "email"),
        ("phone", "phone"),
    ],
    ("loyalty", "points"): [("loyalty_card_number", "loyalty_card_number")],
    ("email", "events"): [("email", "email")],
    ("care", "tickets"): [
        ("contact_email", "email"),
        ("contact_phone", "phone"),
        ("social_handle", "social_handle"),
    ],
    ("survey", "nps_responses"): [("crm_customer_id", "crm_customer_id"), ("email", "email")],
    ("reviews", "reviews"): [("shop_account_id", "shop_account_id"), ("email", "email")],
}


# normalisation, as the pipeline must do it
def normalise(kind: str, value: str) -> str:
    if kind == "email":
        return value.strip().lower()
    if kind == "phone":
        s = re.sub(r"[\s\-().]", "", value.strip().replace("(0)", ""))
        return "+" + s[2:] if s.startswith("00") else "+44" + s[1:] if s.startswith("0") else s
    if kind == "loyalty_card_number":
        return re.sub(r"[\s\-]", "", value).upper()
    if kind == "social_handle":
        return value.strip().lstrip("@").lower()
    return value


def is_junk(kind: str, raw: str) -> bool:
    return (
        (kind == "email" and normalise(kind, raw) == "test@example.com")
        or (kind == "phone" and set(re.sub(r"\D", "", raw)) == {"0"})
        or (kind == "loyalty_card_number" and normalise(kind, raw).startswith("STOREDEFAULT"))
    )
