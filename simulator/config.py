"""Run settings and the behavioural rates the simulation draws from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from simulator.strings import DAY


@dataclass(frozen=True)
class SimConfig:
    persons: int
    days: int
    seed: int
    out: Path
    truth: Path | None = None
    start_date: dt.date = dt.date(2025, 1, 1)
    quiet: bool = False

    @property
    def truth_dir(self) -> Path:
        return Path(self.truth) if self.truth is not None else Path(self.out).parent / "truth"

    @property
    def t0(self) -> int:
        """Epoch seconds of the first export day, 00:00 UTC."""
        return int(
            dt.datetime(
                self.start_date.year, self.start_date.month, self.start_date.day, tzinfo=dt.UTC
            ).timestamp()
        )

    @property
    def t_end(self) -> int:
        return self.t0 + self.days * DAY

    @property
    def years(self) -> float:
        return self.days / 365.0

    def rng(self, *stream: int) -> np.random.Generator:
        """An independent, reproducible random stream per purpose."""
        return np.random.default_rng([self.seed, *stream])

    def export_date(self, day: int) -> str:
        return (self.start_date + dt.timedelta(days=day)).isoformat()


@dataclass(frozen=True)
class Rates:
    """Who has what, and how often people do things (per person per year unless stated)."""

    # relationships
    has_crm: float = 0.85
    dup_crm: float = 0.025  # of CRM customers: a second CRM record sharing email or phone
    fuzzy_dup_crm: float = 0.03  # of CRM customers: a second CRM record sharing no identifier at all
    # what differs on such a record, each drawn on its own (share of those records)
    fuzzy_variants: tuple = (
        ("typo", 0.35),  # a swapped, dropped or doubled letter in the first or the last name
        ("nickname", 0.15),  # Bob for Robert (only first names with a short form get one)
        ("moved", 0.25),  # another street and postcode, sometimes another city
        ("no_birth_date", 0.20),
        ("swapped", 0.03),  # first and last name in each other's field
        ("second_email", 0.30),  # an address no other record uses (an old work address); else none
        ("second_phone", 0.10),  # a number no other record uses; else none
    )
    card_signup: float = 0.10  # of the cards of CRM customers: issued at the till, name and postcode only
    card_signup_variants: tuple = (("typo", 0.15), ("nickname", 0.10), ("postcode_typo", 0.05))
    card_names: float = 0.5  # of the other cards: the loyalty system also holds the holder's name
    twin_households: float = 0.0175  # of households with 2+ people: two members are twins
    postcode_addresses: tuple = (1, 25)  # addresses sharing a GB/NL postcode (Irish Eircodes: one each)
    has_shop_if_crm: float = 0.55
    has_shop_no_crm: float = 0.45
    web_if_shop: float = 0.95
    web_no_shop: float = 0.40
    app_if_shop: float = 0.33
    app_no_shop: float = 0.03
    store_shopper: float = 0.65
    card_if_crm_store: float = 0.55
    card_other: float = 0.04
    second_card: float = 0.03
    has_email2: float = 0.30
    has_mobile: float = 0.92
    has_handle: float = 0.12
    household_sizes: tuple = (0.44, 0.30, 0.15, 0.11)  # 1, 2, 3, 4 people
    household_landline: float = 0.35  # of households with 2+ people
    joiners_per_year: float = 0.12  # new persons per year, relative to the base
    erasures_per_year: float = 0.0004

    # activity
    web_sessions: float = 2.2  # per web user
    app_sessions: float = 4.0  # per app user
    store_visits: float = 2.0  # per store shopper
    web_convert_account: float = 0.16
    web_convert_guest: float = 0.08
    app_convert: float = 0.09
    abandon_cart: float = 0.15  # non-converting sessions that leave a cart behind
    cancel: float = 0.04
    ret: float = 0.07
    campaigns_per_week: int = 1
    campaign_reach: float = 0.16  # of subscribers, per campaign
    care_base: float = 0.05
    nps: float = 0.10
    review_per_line: float = 0.035
    consent_change: float = 0.04  # per consent per year

    # mess
    email_style: float = 0.06
    phone_style: float = 0.55  # phones are rarely written in E.164 by people
    card_style: float = 0.12
    name_typo: float = 0.015
    junk_email: float = 0.006
    junk_phone: float = 0.006
    store_default_card: float = 0.08  # of till transactions of people without a card
    late_session_web: float = 0.015
    late_session_app: float = 0.04
    duplicate_delivery: float = 0.003
    bad_row: float = 0.01


RATES = Rates()


@dataclass
class Planted:
    """Counts of every planted kind of mess and bad row, written to truth/planted.json."""

    mess: dict = field(default_factory=dict)
    mess_by_entity: dict = field(default_factory=dict)
    behaviour: dict = field(default_factory=dict)
    bad_rows: dict = field(default_factory=dict)
    bad_rows_by_entity: dict = field(default_factory=dict)
    files: dict = field(default_factory=dict)
    rows: dict = field(default_factory=dict)

    def add_mess(self, kind: str, n: int, entity: str | None) -> None:
        """Count n planted cases of a kind in an entity (None: of persons, not of one entity's rows)."""
        if n:
            self.mess[kind] = self.mess.get(kind, 0) + int(n)
            if entity is not None:
                per = self.mess_by_entity.setdefault(entity, {})
                per[kind] = per.get(kind, 0) + int(n)

    def note(self, kind: str, n: int) -> None:
        """Counts of behaviour worth knowing about that is not mess (abandoned carts, ...)."""
        self.behaviour[kind] = self.behaviour.get(kind, 0) + int(n)

    def add_bad(self, entity: str, kind: str, n: int) -> None:
        if n:
            self.bad_rows[kind] = self.bad_rows.get(kind, 0) + int(n)
            per = self.bad_rows_by_entity.setdefault(entity, {})
            per[kind] = per.get(kind, 0) + int(n)

    def to_json(self) -> dict:
        total = sum(self.rows.values())
        bad = sum(self.bad_rows.values())
        return {
            "rows_written": total,
            "rows_by_entity": dict(sorted(self.rows.items())),
            "bad_rows_total": bad,
            "bad_row_share": round(bad / total, 5) if total else 0.0,
            "bad_rows": dict(sorted(self.bad_rows.items())),
            "bad_rows_by_entity": {
                k: dict(sorted(v.items())) for k, v in sorted(self.bad_rows_by_entity.items())
            },
            "mess": dict(sorted(self.mess.items())),
            "mess_by_entity": {k: dict(sorted(v.items())) for k, v in sorted(self.mess_by_entity.items())},
            "behaviour": dict(sorted(self.behaviour.items())),
            "files": self.files,
        }
