"""Ground truth: who owns which identifier (normalised as the pipeline normalises them), and the persons."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from simulator.population import FUZZY_VARIANTS, NEVER, SIGNUP_VARIANTS, World, variant_labels
from simulator.strings import DAY, serial, serial_width

IDENTIFIER_TYPES = (
    "crm_customer_id",
    "shop_account_id",
    "email",
    "phone",
    "loyalty_card_number",
    "device_id",
    "anonymous_id",
    "social_handle",
)


def person_ids(n: int, idx: np.ndarray) -> pa.Array:
    return serial("P", np.asarray(idx) + 1, serial_width(n, 7))


def identifiers(world: World) -> pa.Table:
    """Every identifier a person owns; household landlines once per household member; no junk values."""
    n = world.n
    everyone = np.arange(n)
    parts: list[tuple[str, pa.Array, np.ndarray]] = [
        ("crm_customer_id", world.crm_ids, world.crm_person),
        ("shop_account_id", world.acct_ids, world.acct_person),
        ("email", world.emails.canonical.slice(0, n), everyone),
        (
            "email",
            world.emails.canonical.slice(n, n).filter(pa.array(world.has_email2)),
            np.flatnonzero(world.has_email2),
        ),
        (
            "phone",
            world.phones.canonical.take(pa.array(world.mobile_of[world.has_mobile])),
            np.flatnonzero(world.has_mobile),
        ),
        (
            "phone",
            world.phones.canonical.take(pa.array(world.landline_of[world.has_landline])),
            np.flatnonzero(world.has_landline),
        ),
        # the own email and phone of fuzzy duplicate CRM records (used by no other record)
        (
            "email",
            world.emails.canonical.slice(2 * n + 1, len(world.old_email_person)),
            world.old_email_person,
        ),
        (
            "phone",
            world.phones.canonical.slice(n + world.n_households, len(world.other_phone_person)),
            world.other_phone_person,
        ),
        ("loyalty_card_number", world.cards.canonical, world.card_person),
        ("device_id", world.dev_ids, world.dev_person),
        ("anonymous_id", world.anon_ids, world.anon_person),
        (
            "social_handle",
            world.handle_canonical.filter(pa.array(world.has_handle)),
            np.flatnonzero(world.has_handle),
        ),
    ]
    types = pa.array(IDENTIFIER_TYPES)
    return pa.table(
        {
            "identifier_type": pa.concat_arrays(
                [types.take(pa.array(np.full(len(p), IDENTIFIER_TYPES.index(t)))) for t, _, p in parts]
            ),
            "identifier_value": pa.concat_arrays([v.cast(pa.string()) for _, v, _ in parts]),
            "person_id": pa.concat_arrays([person_ids(n, p) for _, _, p in parts]),
        }
    )


def _date(secs) -> pa.Array:
    return pa.array(np.asarray(secs) // DAY, pa.int32()).cast(pa.date32())


def persons(world: World) -> pa.Table:
    n = world.n
    erased = world.erased_at < NEVER
    return pa.table(
        {
            "person_id": person_ids(n, np.arange(n)),
            "household_id": serial("H", world.household + 1, serial_width(world.n_households, 7)),
            "is_twin": pa.array(world.is_twin),
            "first_name": world.first,
            "last_name": world.last,
            "birth_date": _date(world.birth),
            "street": world.street,
            "postcode": world.postcode,
            "city": pa.array([s[1] for s in world.stores]).take(pa.array(world.home_store)),
            "country": pa.array(world.country.astype(str)),
            "home_store_id": pa.array([s[0] for s in world.stores]).take(pa.array(world.home_store)),
            "signup_date": _date(world.since),
            "joined_during_run": pa.array(world.joiner),
            "has_crm_record": pa.array(world.has_crm),
            "has_shop_account": pa.array(world.has_shop),
            "has_loyalty_card": pa.array(world.has_card),
            "web_user": pa.array(world.web_user),
            "app_user": pa.array(world.app_user),
            "store_shopper": pa.array(world.store_shopper),
            "satisfaction": pa.array(np.round(world.satisfaction, 3)),
            "erasure_requested_at": pa.array(
                np.where(erased, world.erased_at, 0) * 1_000_000, pa.timestamp("us", tz="UTC"), mask=~erased
            ),
        }
    )


def planted_records(world: World) -> pa.Table:
    """One row per planted hard-positive record: a record of a person that shares no identifier with
    any other record of theirs, and what makes it hard (comma list of variants, empty when none)."""
    n = world.n
    fz = np.flatnonzero(world.crm_is_fuzzy)
    cards = np.flatnonzero(world.card_is_signup)
    return pa.table(
        {
            "identifier_type": pa.array(["crm_customer_id"] * len(fz) + ["loyalty_card_number"] * len(cards)),
            "identifier_value": pa.concat_arrays(
                [world.crm_ids.take(pa.array(fz)), world.cards.canonical.take(pa.array(cards))]
            ),
            "person_id": pa.concat_arrays(
                [person_ids(n, world.crm_person[fz]), person_ids(n, world.card_person[cards])]
            ),
            "kind": pa.array(
                ["fuzzy_duplicate_crm"] * len(fz) + ["card_signup_without_contact"] * len(cards)
            ),
            "variants": pa.concat_arrays(
                [
                    variant_labels(world.crm_variants[fz], FUZZY_VARIANTS),
                    variant_labels(world.card_variants[cards], SIGNUP_VARIANTS),
                ]
            ),
        }
    )


def write_truth(world: World, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    pq.write_table(identifiers(world), folder / "identifiers.parquet", compression="zstd")
    pq.write_table(persons(world), folder / "persons.parquet", compression="zstd")
    pq.write_table(planted_records(world), folder / "planted_records.parquet", compression="zstd")
