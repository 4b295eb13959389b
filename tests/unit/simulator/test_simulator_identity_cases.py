"""The hard cases of identity matching the simulator plants (issue 15), checked through the exports.

Hard positives: fuzzy duplicate CRM records and till card sign-ups, records of a person that share no
identifier with any other record. Hard negatives: household members (one address) and twins (one
surname, birth date and address). Shares are checked on a larger population (World only, no files).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import duckdb
import numpy as np
import pyarrow.parquet as pq
import pytest

from simulator import crm
from simulator.config import RATES, SimConfig
from simulator.layout import BY_NAME
from simulator.population import FUZZY_VARIANTS, SIGNUP_VARIANTS, World, has_variant
from simulator.reference import FIRST_NAMES, NICKNAMES, STORES
from tests.unit.simulator._helpers import IDENTIFIER_COLUMNS, normalise, relation

TOWNS = {s[1]: s[2] for s in STORES}  # city -> country


def one_slip(typed: str, meant: str) -> bool:
    """typed is meant with two neighbouring letters swapped, one letter dropped or one doubled."""
    if len(typed) == len(meant) - 1:
        return any(meant[:i] + meant[i + 1 :] == typed for i in range(len(meant)))
    if len(typed) == len(meant) + 1:
        return any(meant[:i] + meant[i] + meant[i:] == typed for i in range(len(meant)))
    if len(typed) != len(meant):
        return False
    diff = [i for i in range(len(meant)) if typed[i] != meant[i]]
    if len(diff) != 2 or diff[1] != diff[0] + 1:
        return False
    i = diff[0]
    return typed[i] == meant[i + 1] and typed[i + 1] == meant[i]


def _rows(con, run, source, entity, columns) -> list[dict]:
    files = run.data_files(source, entity)
    sql = f"select distinct {', '.join(columns)} from {relation(con, files)}"
    return [dict(zip(columns, r)) for r in con.execute(sql).fetchall()]


@pytest.fixture(scope="module")
def truth(run):
    persons = {p["person_id"]: p for p in pq.read_table(run.truth / "persons.parquet").to_pylist()}
    owner = {
        (r["identifier_type"], r["identifier_value"]): r["person_id"]
        for r in pq.read_table(run.truth / "identifiers.parquet").to_pylist()
    }
    planted = pq.read_table(run.truth / "planted_records.parquet").to_pylist()
    return persons, owner, planted


@pytest.fixture(scope="module")
def customers(run) -> list[dict]:
    """CRM customer rows with a key (rows whose key a planted fault blanked are quarantined)."""
    con = duckdb.connect()
    try:
        cols = ["crm_customer_id", "first_name", "last_name", "email", "phone", "birth_date"]
        cols += ["street", "postcode", "city", "country"]
        return [r for r in _rows(con, run, "crm", "customers", cols) if r["crm_customer_id"]]
    finally:
        con.close()


@pytest.fixture(scope="module")
def cards(run) -> list[dict]:
    con = duckdb.connect()
    try:
        cols = ["loyalty_card_number", "crm_customer_id", "email", "phone", "first_name", "last_name"]
        rows = _rows(con, run, "loyalty", "cards", [*cols, "postcode"])
        return [r for r in rows if r["loyalty_card_number"]]
    finally:
        con.close()


@pytest.fixture(scope="module")
def occurrences(run) -> dict[tuple[str, str], set[tuple[str, str]]]:
    """Every identifier in every export row: (kind, normalised value) -> {(entity, key of the row)}."""
    con = duckdb.connect()
    found: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    try:
        for (source, entity), cols in IDENTIFIER_COLUMNS.items():
            key = " || '/' || ".join(f'"{k}"' for k in BY_NAME[f"{source}/{entity}"].key)
            rel = relation(con, run.data_files(source, entity))
            for column, kind in cols:
                rows = con.execute(
                    f'select distinct {key}, "{column}" from {rel} where "{column}" is not null'
                )
                for row_key, value in rows.fetchall():
                    found[(kind, normalise(kind, value))].add((f"{source}/{entity}", row_key))
    finally:
        con.close()
    return found


@pytest.fixture(scope="module")
def world() -> World:
    """The population of a year's run of 60,000 persons: enough records for shares within a point."""
    return World(SimConfig(persons=60_000, days=365, seed=7, out=Path("unused")))


# ---------------------------------------------------------------- hard positives: fuzzy duplicates
def test_fuzzy_duplicates_share_no_identifier_with_any_other_record(truth, customers, occurrences):
    _, owner, planted = truth
    fuzzy = {r["identifier_value"]: r for r in planted if r["kind"] == "fuzzy_duplicate_crm"}
    assert len(fuzzy) >= 50
    rows = [r for r in customers if r["crm_customer_id"] in fuzzy]
    assert {r["crm_customer_id"] for r in rows} == set(fuzzy), "every planted record is exported"
    own_ids = 0
    for r in rows:
        cid, person = r["crm_customer_id"], fuzzy[r["crm_customer_id"]]["person_id"]
        assert owner[("crm_customer_id", cid)] == person
        # the person has another CRM record, which this one shares nothing with
        assert any(p == person and t == "crm_customer_id" and v != cid for (t, v), p in owner.items())
        # its own rows only (a row whose key a planted fault blanked is quarantined: not another record)
        itself = {("crm/customers", cid), ("crm/customers", None)}
        assert not occurrences[("crm_customer_id", cid)] - itself, "no consent, card, survey, erasure"
        for kind in ("email", "phone"):
            if r[kind] is None:
                continue
            value = normalise(kind, r[kind])
            assert owner[(kind, value)] == person, "truth lists the record's own email and phone"
            assert not occurrences[(kind, value)] - itself, (kind, value, "used by another record")
            own_ids += 1
    assert own_ids >= 10


def test_fuzzy_duplicates_differ_from_the_person_as_their_variants_say(truth, customers):
    persons, _, planted = truth
    fuzzy = {r["identifier_value"]: r for r in planted if r["kind"] == "fuzzy_duplicate_crm"}
    seen = Counter()
    for r in (r for r in customers if r["crm_customer_id"] in fuzzy):
        p = persons[fuzzy[r["crm_customer_id"]]["person_id"]]
        variants = set(filter(None, fuzzy[r["crm_customer_id"]]["variants"].split(",")))
        assert variants <= set(FUZZY_VARIANTS)
        seen.update(variants)
        first, last = (
            (r["last_name"], r["first_name"]) if "swapped" in variants else (r["first_name"], r["last_name"])
        )
        meant_first = NICKNAMES[p["first_name"]] if "nickname" in variants else (p["first_name"],)
        if "typo" in variants:
            assert (first in meant_first and one_slip(last, p["last_name"])) or (
                last == p["last_name"] and any(one_slip(first, m) for m in meant_first)
            ), (r, p)
        else:
            assert first in meant_first and last == p["last_name"], (r, p)
        assert (r["birth_date"] is None) == ("no_birth_date" in variants)
        if r["birth_date"] is not None:
            assert r["birth_date"] == str(p["birth_date"])
        if "moved" in variants:
            assert r["street"] and r["postcode"], "a moved record has its other address"
            assert r["street"] != p["street"] and r["postcode"] != p["postcode"]
            assert TOWNS[r["city"]] == p["country"]
        else:
            assert (r["street"], r["postcode"]) in {(None, None), (p["street"], p["postcode"])}
            assert r["city"] == p["city"]
        assert (r["email"] is not None) == ("second_email" in variants)
        assert (r["phone"] is not None) == ("second_phone" in variants)
        if r["email"]:
            assert normalise("email", r["email"]).endswith(".example"), "an old work address"
    assert set(seen) == set(FUZZY_VARIANTS), "every variant is planted in the test run"


def test_fuzzy_duplicate_and_variant_shares(world):
    records = world.crm_is_fuzzy
    assert records.sum() / world.has_crm.sum() == pytest.approx(RATES.fuzzy_dup_crm, abs=0.004)
    assert (np.bincount(world.crm_person[records]) <= 1).all(), "one fuzzy duplicate per person at most"
    mask = world.crm_variants[records]
    for name, rate in RATES.fuzzy_variants:
        assert has_variant(mask, FUZZY_VARIANTS, name).mean() == pytest.approx(rate, abs=0.03), name
    # independent draws: typo and moved together about as often as the product of their shares
    both = (has_variant(mask, FUZZY_VARIANTS, "typo") & has_variant(mask, FUZZY_VARIANTS, "moved")).mean()
    assert both == pytest.approx(0.35 * 0.25, abs=0.02)
    # the easy duplicates are still there, as before
    assert world.crm_is_dup.sum() / world.has_crm.sum() == pytest.approx(0.018, abs=0.004)


# ---------------------------------------------------------------- hard positives: till sign-ups
def test_till_signup_cards_carry_a_name_and_postcode_only(truth, cards, occurrences):
    persons, owner, planted = truth
    signups = {r["identifier_value"]: r for r in planted if r["kind"] == "card_signup_without_contact"}
    assert len(signups) >= 50
    rows = [r for r in cards if normalise("loyalty_card_number", r["loyalty_card_number"]) in signups]
    assert {normalise("loyalty_card_number", r["loyalty_card_number"]) for r in rows} == set(signups)
    seen = Counter()
    for r in rows:
        number = normalise("loyalty_card_number", r["loyalty_card_number"])
        planted_row = signups[number]
        p = persons[planted_row["person_id"]]
        assert owner[("loyalty_card_number", number)] == p["person_id"] and p["has_crm_record"]
        assert r["crm_customer_id"] is None and r["email"] is None and r["phone"] is None
        assert r["first_name"] and r["last_name"] and r["postcode"]
        variants = set(filter(None, planted_row["variants"].split(",")))
        seen.update(variants)
        meant_first = NICKNAMES[p["first_name"]] if "nickname" in variants else (p["first_name"],)
        if "typo" in variants:
            assert (r["first_name"] in meant_first and one_slip(r["last_name"], p["last_name"])) or (
                r["last_name"] == p["last_name"] and any(one_slip(r["first_name"], m) for m in meant_first)
            )
        else:
            assert r["first_name"] in meant_first and r["last_name"] == p["last_name"]
        if "postcode_typo" in variants:
            assert r["postcode"] != p["postcode"] and len(r["postcode"]) == len(p["postcode"])
            assert sum(a != b for a, b in zip(r["postcode"], p["postcode"])) <= 2
        else:
            assert r["postcode"] == p["postcode"]
        # the card number is on till receipts and points, never on a record with another identifier
        assert {e for e, _ in occurrences[("loyalty_card_number", number)]} <= {
            "loyalty/cards",
            "pos/transactions",
            "loyalty/points",
        }
    assert set(seen) == set(SIGNUP_VARIANTS)


def test_the_other_cards_keep_their_links_and_may_carry_names(truth, cards):
    persons, owner, planted = truth
    signups = {r["identifier_value"] for r in planted if r["kind"] == "card_signup_without_contact"}
    others = [r for r in cards if normalise("loyalty_card_number", r["loyalty_card_number"]) not in signups]
    assert all(r["crm_customer_id"] or r["email"] for r in others)
    named = [r for r in others if r["first_name"]]
    assert 0.4 < len(named) / len(others) < 0.6
    for r in named:
        p = persons[
            owner[("loyalty_card_number", normalise("loyalty_card_number", r["loyalty_card_number"]))]
        ]
        assert r["postcode"] in (None, p["postcode"])


def test_till_signup_shares(world):
    crm_cards = world.has_crm[world.card_person]
    share = world.card_is_signup.sum() / crm_cards.sum()
    assert share == pytest.approx(RATES.card_signup, abs=0.01)
    assert world.has_crm[world.card_person[world.card_is_signup]].all()
    mask = world.card_variants[world.card_is_signup]
    for name, rate in RATES.card_signup_variants:
        assert has_variant(mask, SIGNUP_VARIANTS, name).mean() == pytest.approx(rate, abs=0.02), name


# ---------------------------------------------------------------- hard negatives: households and twins
def test_household_members_share_one_address(truth, customers):
    persons, owner, planted = truth
    moved = {r["identifier_value"] for r in planted if "moved" in r["variants"].split(",")}
    households: dict[str, set] = defaultdict(set)
    for r in customers:
        if r["street"] is None or r["crm_customer_id"] in moved:
            continue
        p = persons[owner[("crm_customer_id", r["crm_customer_id"])]]
        assert (r["street"], r["postcode"], r["city"]) == (p["street"], p["postcode"], p["city"])
        households[p["household_id"]].add(p["person_id"])
    assert sum(len(members) >= 2 for members in households.values()) >= 300
    # one address is one household's: neighbours share a street and (GB, NL) a postcode, not a number
    address_of = {(p["street"], p["postcode"]): p["household_id"] for p in persons.values()}
    assert len(address_of) == len({p["household_id"] for p in persons.values()})
    by_postcode = Counter(postcode for _, postcode in address_of)
    assert max(by_postcode.values()) > 5 and min(by_postcode.values()) == 1
    eircodes = Counter(p["postcode"] for p in persons.values() if p["country"] == "IE")
    households = {p["household_id"] for p in persons.values() if p["country"] == "IE"}
    assert len(eircodes) == len(households), "an Irish Eircode is one address's own"


def test_twins_share_surname_birth_date_and_address_but_not_first_names(run, truth):
    persons, _, _ = truth
    twins = defaultdict(list)
    for p in persons.values():
        if p["is_twin"]:
            twins[p["household_id"]].append(p)
    assert len(twins) >= 10
    for pair in twins.values():
        a, b = pair
        assert a["last_name"] == b["last_name"] and a["birth_date"] == b["birth_date"]
        assert (a["street"], a["postcode"]) == (b["street"], b["postcode"])
        assert a["first_name"] != b["first_name"]
    assert run.planted["mess"]["twins"] == 2 * len(twins)


def test_twin_share_of_households(world):
    multi = np.flatnonzero(world.hh_size_of_household >= 2)
    twin_households = np.unique(world.household[world.is_twin])
    assert np.isin(twin_households, multi).all()
    assert len(twin_households) / len(multi) == pytest.approx(RATES.twin_households, abs=0.003)


# ---------------------------------------------------------------- counts and reference data
def test_planted_json_counts_what_the_files_hold(run, truth):
    persons, _, planted = truth
    mess = run.planted["mess"]
    by_kind = Counter(r["kind"] for r in planted)
    assert mess["fuzzy_duplicate_crm"] == by_kind["fuzzy_duplicate_crm"]
    assert mess["card_signup_without_contact"] == by_kind["card_signup_without_contact"]
    assert mess["twins"] == sum(p["is_twin"] for p in persons.values())
    for kind, prefix, names in (
        ("fuzzy_duplicate_crm", "fuzzy_variant_", FUZZY_VARIANTS),
        ("card_signup_without_contact", "card_signup_variant_", SIGNUP_VARIANTS),
    ):
        counts = Counter(
            v for r in planted if r["kind"] == kind for v in filter(None, r["variants"].split(","))
        )
        assert {f"{prefix}{v}": counts[v] for v in names} == {
            f"{prefix}{v}": mess.get(f"{prefix}{v}", 0) for v in names
        }
    assert (
        run.planted["mess_by_entity"]["loyalty/cards"]["card_signup_without_contact"]
        == by_kind["card_signup_without_contact"]
    )
    assert pq.read_table(run.truth / "planted_records.parquet").column_names == [
        "identifier_type",
        "identifier_value",
        "person_id",
        "kind",
        "variants",
    ]


def test_nicknames_are_for_first_names_the_simulator_uses():
    assert set(NICKNAMES) <= set(FIRST_NAMES)
    assert all(nick != name and nick for name, nicks in NICKNAMES.items() for nick in nicks)


def test_typos_of_hard_positives_always_change_a_letter():
    rng = np.random.default_rng(0)
    names = list(FIRST_NAMES) * 20 + ["Anna", "Harry", "Lee", "O'Brien", "de Jong"]
    for typed, meant in zip(crm.typo(names, rng, letters_only=True), names):
        assert typed != meant and one_slip(typed, meant), (typed, meant)
    codes = ["SW1 1AA", "D02 X285", "1011 AB", "AA1 1AA"] * 50
    for typed, meant in zip(crm.postcode_typo(codes, rng), codes):
        assert typed != meant and len(typed) == len(meant) and typed.count(" ") == meant.count(" ")


def test_no_two_members_of_a_household_share_a_first_name(world):
    """Parents do not name two children alike: two records with one name at one address and nothing
    else to tell them apart are one person, as the matcher assumes."""
    first, household = world.first_idx, world.household
    for back in (1, 2, 3):
        same_household = household[back:] == household[:-back]
        assert not (same_household & (first[back:] == first[:-back])).any()
