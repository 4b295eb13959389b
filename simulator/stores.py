"""Physical stores: the store list, till transactions (store-local time) and the loyalty point ledger."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from simulator.config import RATES, Planted
from simulator.export import Exporter
from simulator.layout import BY_NAME, POINT_REASONS
from simulator.population import CARD_STYLES, World
from simulator.reference import CURRENCY, STORE_QTY
from simulator.strings import DAY, Codes, Serial, ragged, serial_width

REASON = {r: i for i, r in enumerate(POINT_REASONS)}
POINTS_PER_POUND = 10
VOUCHER = 500  # points a voucher costs


def write_stores(world: World, ex: Exporter) -> None:
    s = world.stores
    ex.write(
        BY_NAME["pos/stores"],
        {
            "store_id": pa.array([x[0] for x in s]),
            "city": pa.array([x[1] for x in s]),
            "country": pa.array([x[2] for x in s]),
            "timezone": pa.array([x[3] for x in s]),
        },
        np.zeros(len(s), dtype=np.int64),
        stream=30,
    )


def local_to_utc(world: World, local: np.ndarray, store: np.ndarray) -> np.ndarray:
    """Store-local wall-clock seconds to UTC epoch seconds, per store timezone (DST aware)."""
    utc = np.empty_like(local)
    for tz in sorted(set(world.store_tz)):
        sel = np.flatnonzero(np.isin(store, [k for k, z in enumerate(world.store_tz) if z == tz]))
        if len(sel):
            idx = pd.DatetimeIndex(local[sel].astype("datetime64[s]")).tz_localize(
                tz, ambiguous="NaT", nonexistent="shift_forward"
            )
            utc[sel] = idx.tz_convert("UTC").as_unit("s").asi8
    return utc


@dataclass
class Till:
    person: np.ndarray
    store: np.ndarray
    utc: np.ndarray
    total: np.ndarray
    card: np.ndarray  # real card index, or -(1 + store) for the store's default card, or NULL (-10**9)


NO_CARD = -(10**9)


def simulate_stores(world: World, ex: Exporter, planted: Planted) -> Till:
    r, rng, cat = RATES, world.cfg.rng(30), world.catalogue
    ex.status("simulating store visits")
    users = np.flatnonzero(world.store_shopper)
    lo = np.maximum(world.since[users], world.t0)
    hi = world.active_until[users]
    rate = r.store_visits * rng.gamma(0.8, 1 / 0.8, len(users))
    k = world.cal.counts(rng, rate, lo, hi, "store")
    person = np.repeat(users, k)
    local = world.cal.sample(rng, np.repeat(lo, k), np.repeat(hi, k), "store")  # wall clock of the store
    n = len(person)
    store = np.where(
        rng.random(n) < 0.85, world.home_store[person], rng.choice(world.n_stores, n, p=world.store_weights)
    )
    utc = local_to_utc(world, local, store)
    order = np.lexsort((local, store))
    person, local, store, utc = person[order], local[order], store[order], utc[order]
    seq = np.arange(n) - np.searchsorted(store, store)  # per-store running number
    t_number = (store + 1) * 10**7 + seq + 1

    # cards: shown by most holders; people without one sometimes get the store's default card scanned
    card = world.active_card(person, utc)
    shown = (card >= 0) & (rng.random(n) < 0.8)
    default = (card < 0) & (rng.random(n) < r.store_default_card)
    card_col = np.where(shown, card, np.where(default, -(1 + store), NO_CARD))
    style = world.style(rng, n, r.card_style, CARD_STYLES)
    nc = world.cards.n
    vocab = pa.concat_arrays([world.cards.written, world.default_cards])
    card_idx = np.where(
        card_col >= 0,
        style * nc + card_col,
        np.where(card_col == NO_CARD, -1, CARD_STYLES * nc + (-card_col - 1)),
    )

    # lines
    n_lines = 1 + np.minimum(rng.poisson(1.6, n), 12)
    l_tx, l_pos = ragged(n_lines)
    sku = cat.draw(rng, len(l_tx))
    qty = rng.choice(STORE_QTY[0], len(l_tx), p=STORE_QTY[1])
    total = np.round(np.bincount(l_tx, weights=qty * cat.price[sku], minlength=n), 2)
    day = world.cal.day_of(local)
    ex.track(vocab, "card", nc, CARD_STYLES, -1)
    ex.write(
        BY_NAME["pos/transactions"],
        {
            "transaction_id": Serial("T", t_number, 9),
            "store_id": Codes(store, pa.array([s[0] for s in world.stores])),
            "loyalty_card_number": Codes(card_idx, vocab),
            "transacted_at": local,
            "total_amount": total,
            "currency": Codes(np.zeros(n, dtype=np.int64), pa.array([CURRENCY])),
        },
        day,
        order=local,
        stream=31,
    )
    ex.write(
        BY_NAME["pos/transaction_lines"],
        {
            "transaction_id": Serial("T", t_number[l_tx], 9),
            "line_number": l_pos + 1,
            "sku": Codes(sku, cat.sku),
            "quantity": qty,
            "unit_price": cat.price[sku],
        },
        day[l_tx],
        order=local[l_tx],
        stream=32,
    )
    return Till(person, store, utc, total, card_col)


def write_points(world: World, ex: Exporter, planted: Planted, till: Till, goodwill: tuple) -> None:
    """Earn on every carded purchase, redeem 500-point vouchers, let some unredeemed points expire,
    and goodwill adjustments from customer care."""
    rng = world.cfg.rng(33)
    carded = np.flatnonzero(till.card != NO_CARD)
    card = till.card[carded]
    at = till.utc[carded] + rng.integers(1, 60, len(carded))
    pts = np.floor(till.total[carded] * POINTS_PER_POUND).astype(np.int64)
    parts = [(card, at, pts, REASON["earn"])]

    real = np.flatnonzero(card >= 0)
    o = real[np.lexsort((at[real], card[real]))]
    c_sorted, p_sorted = card[o], pts[o]
    csum = np.cumsum(p_sorted)
    group_start = np.searchsorted(c_sorted, c_sorted)
    before = np.where(group_start > 0, csum[np.maximum(group_start - 1, 0)], 0)
    earned = csum - before  # cumulative points per card
    crossed = (earned // VOUCHER) > ((earned - p_sorted) // VOUCHER)
    redeem = o[crossed & (rng.random(len(o)) < 0.5)]
    parts.append((card[redeem], at[redeem] + 60, np.full(len(redeem), -VOUCHER), REASON["redeem"]))
    redeemers = np.unique(card[redeem])
    exp = real[~np.isin(card[real], redeemers) & (rng.random(len(real)) < 0.15)]
    parts.append((card[exp], at[exp] + 180 * DAY, -pts[exp], REASON["expire"]))
    g_card, g_at, g_pts = goodwill
    parts.append((g_card, g_at, g_pts, REASON["adjust"]))

    e_card = np.concatenate([p[0] for p in parts])
    e_at = np.concatenate([p[1] for p in parts]).astype(np.int64)
    e_pts = np.concatenate([p[2] for p in parts]).astype(np.int64)
    e_reason = np.concatenate([np.full(len(p[0]), p[3]) for p in parts])
    keep = e_at < world.t_end
    e_card, e_at, e_pts, e_reason = e_card[keep], e_at[keep], e_pts[keep], e_reason[keep]
    order = np.argsort(e_at, kind="stable")
    e_card, e_at, e_pts, e_reason = e_card[order], e_at[order], e_pts[order], e_reason[order]
    vocab = pa.concat_arrays([world.cards.canonical, world.default_cards])
    ex.track(vocab, "card", world.cards.n, 1, -1)
    idx = np.where(e_card >= 0, e_card, world.cards.n + (-e_card - 1))
    ex.write(
        BY_NAME["loyalty/points"],
        {
            "entry_id": Serial("E", np.arange(1, len(e_at) + 1), serial_width(len(e_at), 9)),
            "loyalty_card_number": Codes(idx, vocab),
            "points": e_pts,
            "reason": Codes(e_reason.astype(np.int64), pa.array(POINT_REASONS)),
            "occurred_at": e_at,
        },
        world.cal.day_of(e_at),
        order=e_at,
        stream=33,
    )
