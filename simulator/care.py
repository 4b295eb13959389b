"""Customer care tickets, NPS answers and product reviews.

Tickets follow trouble (returns, cancellations, late parcels) as well as happening at random; survey
scores and review ratings follow what the person went through before answering: returns, slow or
unhelpful care and cancellations pull scores down.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from simulator.config import RATES, Planted
from simulator.export import Exporter
from simulator.layout import BY_NAME, CARE_CHANNELS
from simulator.online import Orders
from simulator.population import EMAIL_STYLES, PHONE_STYLES, World
from simulator.reference import NPS_COMMENTS, REVIEW_TEXTS
from simulator.strings import DAY, NULL_TS, Codes, Serial, serial_width

HOUR = 3600


@dataclass
class Tickets:
    person: np.ndarray
    opened: np.ndarray
    slow_at: np.ndarray  # when the wait for a first answer passed 24 h (NULL_TS if never)
    low_csat_at: np.ndarray  # when a csat of 1-2 was given (NULL_TS if not)
    goodwill: tuple  # loyalty adjustments: (card, time, points)


class History:
    """Counts a person's experiences of one kind before a given time."""

    def __init__(self, person: np.ndarray, at: np.ndarray):
        ok = at != NULL_TS
        self.keys = np.sort(self._key(person[ok], at[ok]))

    @staticmethod
    def _key(person, at):
        return person.astype(np.int64) * (1 << 34) + (np.asarray(at, dtype=np.int64) - 1_000_000_000)

    def before(self, person: np.ndarray, at: np.ndarray) -> np.ndarray:
        lo = np.searchsorted(self.keys, self._key(person, np.full(len(person), 1_000_000_000)))
        return np.searchsorted(self.keys, self._key(person, at)) - lo


def simulate_care(world: World, ex: Exporter, planted: Planted, orders: Orders) -> Tickets:
    r, rng = RATES, world.cfg.rng(50)
    ex.status("simulating customer care")
    n = world.n
    # ---------- why tickets open: at random, and after trouble with an order
    lo = np.maximum(world.since, world.t0)
    k = world.cal.counts(rng, np.full(n, r.care_base), lo, world.active_until, "office")
    base_p = np.repeat(np.arange(n), k)
    base_t = world.cal.sample(rng, lo[base_p], world.active_until[base_p], "office")
    ret = np.flatnonzero((orders.returned_at != NULL_TS) & (rng.random(len(orders.person)) < 0.35))
    can = np.flatnonzero((orders.cancelled_at != NULL_TS) & (rng.random(len(orders.person)) < 0.15))
    late = np.flatnonzero((orders.cancelled_at == NULL_TS) & (rng.random(len(orders.person)) < 0.03))
    person = np.concatenate([base_p, orders.person[ret], orders.person[can], orders.person[late]])
    opened = np.concatenate(
        [
            base_t,
            orders.returned_at[ret] + rng.integers(HOUR, 3 * DAY, len(ret)),
            orders.cancelled_at[can] + rng.integers(600, DAY, len(can)),
            orders.ordered_at[late] + rng.integers(3 * DAY, 9 * DAY, len(late)),
        ]
    )
    trouble = np.concatenate(
        [np.zeros(len(base_p)), np.ones(len(ret)), np.full(len(can), 0.5), np.full(len(late), 0.5)]
    )
    keep = opened < world.active_until[person]
    person, opened, trouble = person[keep], opened[keep], trouble[keep]
    o = np.argsort(opened, kind="stable")
    person, opened, trouble = person[o], opened[o], trouble[o]
    m = len(person)

    # ---------- channel and contact details
    # email, chat, phone, social: people with a social handle often complain in public
    u = rng.random(m)
    ch = np.where(
        world.has_handle[person],
        np.searchsorted([0.3, 0.5, 0.65], u, side="right"),
        np.searchsorted([0.45, 0.73], u, side="right"),
    )
    email = np.where((ch <= 1) | (rng.random(m) < 0.15), world.email_for_record(rng, person, 0.3), -1)
    phone = np.where(
        (ch == 2) | ((ch == 1) & (rng.random(m) < 0.2)), world.phone_for_record(rng, person, 0.5), -1
    )
    junk_p = (ch == 2) & ((rng.random(m) < 0.02) | (phone < 0))  # withheld caller id logged as zeros
    phone = np.where(junk_p, world.phone_junk, phone)
    handle_style = rng.choice(3, m, p=[0.6, 0.25, 0.15])
    handles = pa.concat_arrays(
        [
            world.handle_written,
            world.handle_canonical,
            pc.binary_join_element_wise("@", world.handle_canonical, ""),
        ]
    )
    handle = np.where(ch == 3, handle_style * n + person, -1)
    e_style = world.style(rng, m, r.email_style, EMAIL_STYLES)
    p_style = world.style(rng, m, r.phone_style, PHONE_STYLES)

    # ---------- timing and satisfaction
    first = np.select(
        [ch == 0, ch == 1, ch == 2],
        [np.exp(rng.normal(np.log(6 * HOUR), 1.2, m)), rng.exponential(240, m), rng.uniform(0, 90, m)],
        np.exp(rng.normal(np.log(2 * HOUR), 1.0, m)),
    )
    first = opened + np.minimum(first, 6 * DAY).astype(np.int64) + 1
    solve = np.select(
        [ch == 0, ch == 1, ch == 2],
        [rng.exponential(1.2 * DAY, m), rng.exponential(1500, m), rng.exponential(720, m)],
        rng.exponential(0.8 * DAY, m),
    )
    resolved = np.where(rng.random(m) < 0.94, first + solve.astype(np.int64), NULL_TS)
    slow = (first - opened) > DAY
    csat_given = (resolved != NULL_TS) & (
        rng.random(m) < np.where(slow, 0.6, 0.45)
    )  # the annoyed answer more
    score = (
        4.2
        + 0.5 * world.satisfaction[person]
        - 1.3 * slow
        - 0.7 * ((resolved - opened) > 3 * DAY)
        - 0.6 * trouble
        + rng.normal(0, 0.7, m)
    )
    csat = np.where(csat_given, np.clip(np.round(score), 1, 5), np.nan)

    # ---------- exports: the ticket on the day it opens, again once answered/resolved on a later day
    d_open = world.cal.day_of(opened)
    d_last = world.cal.day_of(np.where(resolved != NULL_TS, resolved, first))
    v1_first = np.where(world.cal.day_of(first) == d_open, first, NULL_TS)
    v1_res = np.where((resolved != NULL_TS) & (world.cal.day_of(resolved) == d_open), resolved, NULL_TS)
    v1_csat = np.where(v1_res != NULL_TS, csat, np.nan)
    again = np.flatnonzero(d_last > d_open)
    v = np.concatenate([np.arange(m), again])
    ids = Serial("TK", np.arange(1, m + 1), serial_width(m, 7))
    ex.write(
        BY_NAME["care/tickets"],
        {
            "ticket_id": ids.take(v),
            "channel": Codes(ch[v], pa.array(CARE_CHANNELS)),
            "contact_email": world.emails.codes(email[v], e_style[v]),
            "contact_phone": world.phones.codes(phone[v], p_style[v]),
            "social_handle": Codes(handle[v], handles),
            "opened_at": opened[v],
            "first_response_at": np.concatenate([v1_first, first[again]]),
            "resolved_at": np.concatenate([v1_res, resolved[again]]),
            "csat_score": np.concatenate([v1_csat, csat[again]]),
        },
        np.concatenate([d_open, d_last[again]]),
        order=opened[v],
        stream=50,
    )
    planted.note("ticket_exported_again_when_resolved", int((d_last[again] < world.cfg.days).sum()))

    # goodwill points for card holders whose trouble was sorted out
    card = world.active_card(person, opened)
    gw = np.flatnonzero((trouble > 0) & (card >= 0) & (resolved != NULL_TS) & (rng.random(m) < 0.3))
    goodwill = (card[gw], resolved[gw] + 60, rng.choice([250, 500], len(gw)))
    low = np.where(csat <= 2, resolved, NULL_TS)
    return Tickets(person, opened, np.where(slow, opened + DAY, NULL_TS), low, goodwill)


def simulate_feedback(world: World, ex: Exporter, planted: Planted, orders: Orders, tickets: Tickets) -> None:
    r, rng = RATES, world.cfg.rng(60)
    returns = History(orders.person, orders.returned_at)
    cancels = History(orders.person, orders.cancelled_at)
    slow = History(tickets.person, tickets.slow_at)
    low = History(tickets.person, tickets.low_csat_at)

    # ---------- NPS: customers of record answer now and then
    pool = np.flatnonzero(world.has_crm | world.has_shop)
    lo = np.maximum(world.since[pool], world.t0)
    k = world.cal.counts(rng, np.full(len(pool), r.nps), lo, world.active_until[pool], "evening")
    p = np.repeat(pool, k)
    at = world.cal.sample(rng, np.repeat(lo, k), np.repeat(world.active_until[pool], k), "evening")
    o = np.argsort(at, kind="stable")
    p, at = p[o], at[o]
    m = len(p)
    score = (
        8.3
        + 1.1 * world.satisfaction[p]
        - 2.5 * (returns.before(p, at) > 0)
        - 2.0 * (slow.before(p, at) > 0)
        - 1.0 * (cancels.before(p, at) > 0)
        - 1.5 * (low.before(p, at) > 0)
        + rng.normal(0, 1.0, m)
    )
    score = np.clip(np.round(score), 0, 10).astype(np.int64)
    crm = world.crm_of[p]
    crm = np.where((crm >= 0) & (world.crm_created[p] <= at) & (rng.random(m) < 0.85), crm, -1)
    email = np.where((crm < 0) | (rng.random(m) < 0.7), world.email_for_record(rng, p, 0.2), -1)
    band = np.where(score <= 6, 0, np.where(score <= 8, 1, 2))
    comments, idx = [], np.full(m, -1)
    for b, key in enumerate(("detractor", "passive", "promoter")):
        sel = np.flatnonzero((band == b) & (rng.random(m) < 0.45))
        idx[sel] = len(comments) + rng.integers(0, len(NPS_COMMENTS[key]), len(sel))
        comments += NPS_COMMENTS[key]
    ex.write(
        BY_NAME["survey/nps_responses"],
        {
            "crm_customer_id": Codes(crm, world.crm_ids),
            "email": world.emails.codes(email, world.style(rng, m, r.email_style, EMAIL_STYLES)),
            "response_id": Serial("R", np.arange(1, m + 1), serial_width(m, 7)),
            "score": score,
            "answered_at": at,
            "comment": Codes(idx, pa.array(comments)),
        },
        world.cal.day_of(at),
        order=at,
        stream=60,
    )

    # ---------- reviews of delivered order lines; returned ones are reviewed more often, and worse
    lo_ = orders.line_order
    ok = orders.cancelled_at[lo_] == NULL_TS
    was_returned = orders.returned_at[lo_] != NULL_TS
    pick = np.flatnonzero(ok & (rng.random(len(lo_)) < r.review_per_line * np.where(was_returned, 3.0, 1.0)))
    o_ = lo_[pick]
    p = orders.person[o_]
    at = orders.ordered_at[o_] + rng.integers(4 * DAY, 21 * DAY, len(pick))
    keep = at < world.active_until[p]
    pick, o_, p, at = pick[keep], o_[keep], p[keep], at[keep]
    s = np.argsort(at, kind="stable")
    pick, o_, p, at = pick[s], o_[s], p[s], at[s]
    m = len(p)
    returned_before = (orders.returned_at[o_] != NULL_TS) & (orders.returned_at[o_] <= at)
    rating = (
        4.2
        + 0.6 * world.satisfaction[p]
        - 2.8 * returned_before
        - 0.8 * (slow.before(p, at) > 0)
        + rng.normal(0, 0.8, m)
    )
    rating = np.clip(np.round(rating), 1, 5).astype(np.int64)
    acct = orders.acct[o_]
    email = np.where(
        acct < 0,
        orders.guest_email[o_],
        np.where(rng.random(m) < 0.25, world.email_for_record(rng, p, 0.3), -1),
    )
    texts, tidx = [], np.full(m, -1)
    for stars in range(1, 6):
        sel = np.flatnonzero((rating == stars) & (rng.random(m) < 0.7))
        tidx[sel] = len(texts) + rng.integers(0, len(REVIEW_TEXTS[stars]), len(sel))
        texts += REVIEW_TEXTS[stars]
    ex.write(
        BY_NAME["reviews/reviews"],
        {
            "review_id": Serial("RV", np.arange(1, m + 1), serial_width(m, 7)),
            "shop_account_id": Codes(acct, world.acct_ids),
            "email": world.emails.codes(email, world.style(rng, m, r.email_style, EMAIL_STYLES)),
            "sku": Codes(orders.line_sku[pick], world.catalogue.sku),
            "rating": rating,
            "submitted_at": at,
            "review_text": Codes(tidx, pa.array(texts)),
        },
        world.cal.day_of(at),
        order=at,
        stream=61,
    )
