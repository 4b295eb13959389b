"""The record-keeping silos: CRM customers and consents, erasure requests, shop accounts, loyalty cards,
and the email service provider whose campaigns follow (and change) marketing consent."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from simulator.config import RATES, Planted
from simulator.export import Exporter
from simulator.layout import BY_NAME, CARD_STATUSES, CONSENT_CHANNELS, EMAIL_EVENT_TYPES, PURPOSES
from simulator.population import (
    EMAIL_STYLES,
    FUZZY_VARIANTS,
    NEVER,
    PHONE_STYLES,
    POSTCODE_PATTERNS,
    SIGNUP_VARIANTS,
    World,
    has_variant,
)
from simulator.reference import NICKNAMES, STREETS
from simulator.strings import DAY, NULL_TS, Codes, Serial, pattern_strings, serial_width

# (purpose, channel, share of customers asked, share of those who grant)
COMBOS = (
    ("marketing", "email", 1.0, 0.55),
    ("marketing", "sms", 1.0, 0.30),
    ("profiling", "ads", 1.0, 0.30),
    ("personalisation", "email", 0.5, 0.55),
    ("marketing", "push", 0.0, 0.50),
)
MARKETING_EMAIL = 0
EV = {t: i for i, t in enumerate(EMAIL_EVENT_TYPES)}


def typo(names: list[str], rng: np.random.Generator, letters_only: bool = False) -> list[str]:
    """Plausible typing slips: swapped letters, a dropped or doubled letter, all lower case (not with
    letters_only). A swap of two equal letters would change nothing: that letter is dropped instead."""
    out = []
    for name, kind in zip(names, rng.integers(0, 3 if letters_only else 4, len(names))):
        if len(name) < 3 and not letters_only:
            kind = 3
        k = int(rng.integers(1, max(2, len(name) - 1)))
        if kind == 0 and name[k - 1] != name[k]:
            name = name[: k - 1] + name[k] + name[k - 1] + name[k + 1 :]
        elif kind in (0, 1):
            name = name[:k] + name[k + 1 :]
        elif kind == 2:
            name = name[:k] + name[k] + name[k:]
        else:
            name = name.lower()
        out.append(name)
    return out


def _names(world: World, persons: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    first = world.first.take(pa.array(persons)).to_numpy(zero_copy_only=False).astype(object)
    last = world.last.take(pa.array(persons)).to_numpy(zero_copy_only=False).astype(object)
    return first, last


def _typos(first: np.ndarray, last: np.ndarray, hit: np.ndarray, rng, letters_only: bool = False) -> None:
    """A typo in the first or the last name (one of the two) of the rows `hit`, in place."""
    which = rng.random(len(hit)) < 0.5
    f, l_ = hit[which], hit[~which]
    first[f] = typo(list(first[f]), rng, letters_only)
    last[l_] = typo(list(last[l_]), rng, letters_only)


def names_with_typos(
    world: World, persons: np.ndarray, share, rng, as_objects: bool = False
) -> tuple[pa.Array, pa.Array, int]:
    first, last = _names(world, persons)
    hit = np.flatnonzero(rng.random(len(persons)) < share)
    _typos(first, last, hit, rng)
    if as_objects:
        return first, last, len(hit)
    return pa.array(first, pa.string()), pa.array(last, pa.string()), len(hit)


def varied_names(
    world: World, persons: np.ndarray, mask: np.ndarray, names: tuple[str, ...], rng
) -> tuple[np.ndarray, np.ndarray]:
    """Names of hard-positive records: nickname first, then a letter typo, then first and last swapped."""
    first, last = _names(world, persons)
    if "nickname" in names:
        nick = np.flatnonzero(has_variant(mask, names, "nickname"))
        pick = rng.random(len(nick))
        first[nick] = [NICKNAMES[f][int(u * len(NICKNAMES[f]))] for f, u in zip(first[nick], pick)]
    _typos(first, last, np.flatnonzero(has_variant(mask, names, "typo")), rng, letters_only=True)
    if "swapped" in names:
        sw = np.flatnonzero(has_variant(mask, names, "swapped"))
        first[sw], last[sw] = last[sw], first[sw].copy()
    return first, last


def postcode_typo(codes: list[str], rng: np.random.Generator) -> list[str]:
    """Two neighbouring characters swapped, or one character mistyped as another of its kind."""
    out = []
    for code, kind, u, v in zip(
        codes, rng.integers(0, 2, len(codes)), rng.random(len(codes)), rng.random(len(codes))
    ):
        pairs = [i for i in range(len(code) - 1) if " " not in code[i : i + 2] and code[i] != code[i + 1]]
        if kind == 0 and pairs:
            i = pairs[int(u * len(pairs))]
            code = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
        else:
            spots = [i for i, ch in enumerate(code) if ch != " "]
            i = spots[int(u * len(spots))]
            alphabet = "0123456789" if code[i].isdigit() else "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
            others = alphabet.replace(code[i], "")
            code = code[:i] + others[int(v * len(others))] + code[i + 1 :]
        out.append(code)
    return out


# ---------------------------------------------------------------------------------------------- consents
@dataclass
class ConsentPlan:
    """Consent events decided up front; email unsubscribes are added by the campaigns."""

    record: np.ndarray  # CRM record index
    combo: np.ndarray
    granted: np.ndarray
    at: np.ndarray


def plan_consents(world: World) -> ConsentPlan:
    rng = world.cfg.rng(40)
    prim = np.flatnonzero(~world.crm_is_dup & ~world.crm_is_fuzzy)  # duplicates have no consents of their own
    person = world.crm_person[prim]
    created = world.crm_created_at[prim]
    recs, combos, granted, at = [], [], [], []
    for c, (_, _, asked, grant) in enumerate(COMBOS):
        ask = rng.random(len(prim)) < (np.where(world.app_user[person], 0.8, 0.0) if c == 4 else asked)
        g = rng.random(len(prim)) < grant * np.where(world.satisfaction[person] > -1, 1.0, 0.6)
        recs.append(prim[ask]), combos.append(np.full(ask.sum(), c)), granted.append(g[ask])
        at.append(created[ask] + rng.integers(0, 600, ask.sum()))
        # later changes of mind during the run, alternating from the initial answer
        lo = np.maximum(created[ask] + DAY, world.t0)
        hi = world.active_until[person[ask]]
        k = world.cal.counts(rng, np.full(ask.sum(), RATES.consent_change), lo, hi, "evening")
        if k.sum():
            rr = np.repeat(np.arange(ask.sum()), k)
            t = world.cal.sample(rng, lo[rr], hi[rr], "evening")
            o = np.lexsort((t, rr))
            rr, t = rr[o], t[o]
            nth = np.arange(len(rr)) - np.searchsorted(rr, rr)
            recs.append(prim[ask][rr]), combos.append(np.full(len(rr), c))
            granted.append(g[ask][rr] ^ (nth % 2 == 0)), at.append(t)
    return ConsentPlan(
        np.concatenate(recs), np.concatenate(combos), np.concatenate(granted), np.concatenate(at)
    )


# ---------------------------------------------------------------------------------------------- email
def campaign_times(world: World) -> np.ndarray:
    """Campaigns go out on Tuesdays (and Fridays) at 10:00 UTC."""
    days = np.arange(world.cfg.days)
    wd = world.cal.weekday
    send = (wd == 1) | ((wd == 4) & (RATES.campaigns_per_week > 1))
    return world.t0 + days[send] * DAY + 10 * 3600


def simulate_email(world: World, ex: Exporter, planted: Planted, plan: ConsentPlan) -> tuple:
    """Weekly campaigns to consenting customers; returns the unsubscribes (person, time)."""
    r, rng, n = RATES, world.cfg.rng(41), world.n
    ex.status("simulating email campaigns")
    me = plan.combo == MARKETING_EMAIL
    ev_p = world.crm_person[plan.record[me]]
    ev_t, ev_v = plan.at[me], plan.granted[me]
    state = np.zeros(n, dtype=bool)
    unsub_p, unsub_t = [np.zeros(0, np.int64)], [np.zeros(0, np.int64)]
    out = {k: [] for k in ("person", "at", "type", "campaign")}
    times = campaign_times(world)
    labels = [world.cfg.export_date(int((t - world.t0) // DAY)) for t in times]
    applied = np.zeros(len(ev_t), dtype=bool)
    for c, t in enumerate(times):
        # consent events before the send, in time order: the latest per person holds
        up_p, up_t = np.concatenate(unsub_p), np.concatenate(unsub_t)
        new = np.flatnonzero(~applied & (ev_t < t))
        applied[new] = True
        due_p = np.concatenate([ev_p[new], up_p[up_t < t]])
        due_t = np.concatenate([ev_t[new], up_t[up_t < t]])
        due_v = np.concatenate([ev_v[new], np.zeros((up_t < t).sum(), bool)])
        o = np.lexsort((due_t, due_p))
        last = np.r_[due_p[o][1:] != due_p[o][:-1], True] if len(o) else np.zeros(0, bool)
        state[due_p[o][last]] = due_v[o][last]
        keep_up = up_t >= t
        unsub_p, unsub_t = [up_p[keep_up]], [up_t[keep_up]]
        aud = np.flatnonzero(state & (world.active_until > t) & (rng.random(n) < r.campaign_reach))
        m = len(aud)
        sent = t + rng.integers(0, 2 * 3600, m)
        bounce = rng.random(m) < 0.015
        delivered = sent + rng.integers(1, 30, m)
        opened = ~bounce & (rng.random(m) < 0.3 * np.exp(0.2 * world.satisfaction[aud]))
        open_at = delivered + np.minimum(rng.exponential(5 * 3600, m), 6 * DAY).astype(np.int64)
        click = opened & (rng.random(m) < 0.18)
        unsub = opened & (rng.random(m) < 0.012 * np.exp(-0.5 * world.satisfaction[aud]))
        complaint = ~bounce & (rng.random(m) < 0.0008)
        rows = [
            (aud, sent, "sent"),
            (aud[bounce], sent[bounce] + rng.integers(5, 60, bounce.sum()), "bounce"),
            (aud[~bounce], delivered[~bounce], "delivered"),
            (aud[opened], open_at[opened], "open"),
            (aud[click], open_at[click] + rng.integers(2, 120, click.sum()), "click"),
            (aud[unsub], open_at[unsub] + rng.integers(10, 300, unsub.sum()), "unsubscribe"),
            (
                aud[complaint],
                delivered[complaint] + rng.integers(3600, 2 * DAY, complaint.sum()),
                "complaint",
            ),
        ]
        for p, at, kind in rows:
            out["person"].append(p), out["at"].append(at), out["campaign"].append(np.full(len(p), c))
            out["type"].append(np.full(len(p), EV[kind], dtype=np.int8))
        u_at = open_at[unsub] + rng.integers(60, DAY, unsub.sum())  # the ESP tells the CRM
        unsub_p.append(aud[unsub]), unsub_t.append(u_at)
        state[aud[unsub]] = False  # no more sends once unsubscribed
    cols = {k: np.concatenate(v) if v else np.zeros(0, np.int64) for k, v in out.items()}
    keep = cols["at"] < world.active_until[cols["person"]]
    cols = {k: v[keep] for k, v in cols.items()}
    order = np.argsort(cols["at"], kind="stable")
    cols = {k: v[order] for k, v in cols.items()}
    day = world.cal.day_of(cols["at"])
    dup = np.flatnonzero(rng.random(len(day)) < RATES.duplicate_delivery)
    dup_day = day[dup] + rng.integers(1, 4, len(dup))
    planted.add_mess("duplicate_delivery", int((dup_day < world.cfg.days).sum()), "email/events")
    rows = np.concatenate([np.arange(len(day)), dup])
    ne = len(day)
    ex.write(
        BY_NAME["email/events"],
        {
            "event_id": Serial("M", rows + 1, serial_width(ne, 10)),
            "email": world.emails.codes(cols["person"][rows], np.zeros(len(rows), dtype=np.int64)),
            "campaign_id": Codes(cols["campaign"][rows], pa.array([f"CMP-{d}" for d in labels], pa.string())),
            "event_type": Codes(cols["type"][rows].astype(np.int64), pa.array(EMAIL_EVENT_TYPES)),
            "occurred_at": cols["at"][rows],
        },
        np.concatenate([day, dup_day]),
        order=rows,
        stream=41,
    )
    is_unsub = cols["type"] == EV["unsubscribe"]
    # the CRM records the withdrawal a little later
    u_p, u_t = cols["person"][is_unsub], cols["at"][is_unsub] + rng.integers(60, DAY, is_unsub.sum())
    return u_p, u_t


# ---------------------------------------------------------------------------------------------- records
def moved_addresses(world: World, persons: np.ndarray, rng) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Where a person lived before (or moved to): another street and postcode in the same country, in the
    same town or, for a third, another town with a store. Returns street, postcode, store per person."""
    k = len(persons)
    hh = world.household[persons]
    name = (world.hh_street_idx[hh] + rng.integers(1, len(STREETS), k)) % len(STREETS)  # never the same
    street = np.char.add(np.char.add(rng.integers(1, 250, k).astype(str), " "), np.array(STREETS)[name])
    store = world.home_store[persons].copy()
    away = rng.random(k) < 0.3
    country = np.array([s[2] for s in world.stores])
    for s in range(world.n_stores):
        towns = np.flatnonzero((country == country[s]) & (np.arange(world.n_stores) != s))
        sel = np.flatnonzero(away & (world.home_store[persons] == s))
        if len(towns) and len(sel):
            store[sel] = towns[rng.integers(0, len(towns), len(sel))]
    old = world.postcode.take(pa.array(persons)).to_numpy(zero_copy_only=False)
    postcode = np.empty(k, dtype=object)
    todo = np.arange(k)
    while len(todo):  # a new postcode (drawing the old one again is a one-in-millions chance)
        for c, pattern in POSTCODE_PATTERNS.items():
            sel = todo[world.country[persons[todo]] == c]
            postcode[sel] = pattern_strings(rng, pattern, len(sel)).to_numpy(zero_copy_only=False)
        todo = todo[postcode[todo] == old[todo]]
    return street.astype(object), postcode, store


def _in_run(world: World, t: np.ndarray) -> np.ndarray:
    return world.cal.day_of(np.maximum(t, world.t0)) < world.cfg.days


def write_customers(world: World, ex: Exporter, planted: Planted, rng) -> None:
    r = RATES
    rec_p, created, dup, fuzzy = world.crm_person, world.crm_created_at, world.crm_is_dup, world.crm_is_fuzzy
    nr = len(rec_p)
    prim_rec = world.crm_of[rec_p]
    email = np.where(rng.random(nr) < 0.93, world.email_for_record(rng, rec_p, 0.2), -1)
    phone = np.where(rng.random(nr) < 0.75, world.phone_for_record(rng, rec_p), -1)
    # a duplicate record shares the email or the phone (or both) of the person's first record
    share_email = dup & (rng.random(nr) < 0.6)
    share_phone = dup & (~share_email | (rng.random(nr) < 0.4))
    first_email = np.where(dup, email[np.maximum(prim_rec, 0)], email)
    first_phone = np.where(dup, phone[np.maximum(prim_rec, 0)], phone)
    email = np.where(share_email & (first_email >= 0), first_email, np.where(dup, -1, email))
    phone = np.where(
        share_phone & (first_phone >= 0),
        first_phone,
        np.where(dup, world.phone_for_record(rng, rec_p), phone),
    )
    email = np.where(dup & (email < 0) & (phone < 0), rec_p, email)
    junk_e = rng.random(nr) < r.junk_email
    junk_p = (phone >= 0) & (rng.random(nr) < r.junk_phone)
    email = np.where(junk_e, world.email_junk, email)
    phone = np.where(junk_p, world.phone_junk, phone)
    # a fuzzy duplicate carries its own email and phone, or none: it shares no identifier with anyone
    email = np.where(fuzzy, world.crm_fuzzy_email, email)
    phone = np.where(fuzzy, world.crm_fuzzy_phone, phone)
    e_style = world.style(rng, nr, r.email_style, EMAIL_STYLES)
    p_style = world.style(rng, nr, r.phone_style, PHONE_STYLES)
    first, last, n_typos = names_with_typos(
        world, rec_p, np.where(fuzzy, 0.0, np.where(dup, 0.35, r.name_typo)), rng, as_objects=True
    )
    birth = np.where(rng.random(nr) < np.where(dup, 0.4, 0.75), world.birth[rec_p], NULL_TS)
    has_addr = rng.random(nr) < np.where(dup, 0.5, 0.9)  # the household's address, on most records
    street = world.street.take(pa.array(rec_p)).to_numpy(zero_copy_only=False)
    postcode = world.postcode.take(pa.array(rec_p)).to_numpy(zero_copy_only=False)
    town = world.home_store[rec_p].copy()
    opt_in = np.where(world.has_card[rec_p], rng.integers(0, 3, nr), -1)

    # fuzzy duplicates: their variants, drawn from a stream of their own
    fz = np.flatnonzero(fuzzy)
    fz_rng, mask = world.cfg.rng(42, 1), world.crm_variants[fz]
    first[fz], last[fz] = varied_names(world, rec_p[fz], mask, FUZZY_VARIANTS, fz_rng)
    birth[fz] = np.where(has_variant(mask, FUZZY_VARIANTS, "no_birth_date"), NULL_TS, world.birth[rec_p[fz]])
    moved = fz[has_variant(mask, FUZZY_VARIANTS, "moved")]
    street[moved], postcode[moved], town[moved] = moved_addresses(world, rec_p[moved], fz_rng)
    has_addr[moved] = True
    street = pa.array(street, pa.string(), mask=~has_addr)
    postcode = pa.array(postcode, pa.string(), mask=~has_addr)
    city = pa.array([s[1] for s in world.stores]).take(pa.array(town))

    # versions: the day-one full export, new customers as they sign up, and updates
    first_seen = np.maximum(created, world.t0)
    upd_lo = np.maximum(created + DAY, world.t0)
    k = world.cal.counts(rng, np.full(nr, 0.15), upd_lo, world.active_until[rec_p], "office")
    ur = np.repeat(np.arange(nr), k)
    ut = world.cal.sample(rng, upd_lo[ur], world.active_until[rec_p][ur], "office")
    pre_t = created + (rng.random(nr) * np.maximum(world.t0 - created, 1)).astype(np.int64)
    v_rec = np.concatenate([np.arange(nr), ur])
    v_at = np.concatenate([np.where(created < world.t0, np.minimum(pre_t, world.t0 - 1), created), ut])
    v_day = world.cal.day_of(np.concatenate([first_seen, ut]))
    key = np.unique(v_rec * (world.cfg.days + 2) + v_day, return_index=True)[1]  # one version a day
    v_rec, v_at, v_day = v_rec[key], v_at[key], v_day[key]
    take = pa.array(v_rec)
    ex.write(
        BY_NAME["crm/customers"],
        {
            "crm_customer_id": world.crm_ids.take(take),
            "first_name": pa.array(first, pa.string()).take(take),
            "last_name": pa.array(last, pa.string()).take(take),
            "email": world.emails.codes(email[v_rec], e_style[v_rec]),
            "phone": world.phones.codes(phone[v_rec], p_style[v_rec]),
            "birth_date": birth[v_rec],
            "street": street.take(take),
            "postcode": postcode.take(take),
            "city": city.take(take),
            "country": pa.array(world.country[rec_p][v_rec].astype(str)),
            "created_at": created[v_rec],
            "updated_at": v_at,
            "loyalty_opt_in_source": Codes(opt_in[v_rec], pa.array(["store", "web", "app"])),
        },
        v_day,
        order=v_at,
        stream=42,
    )
    seen = _in_run(world, created)
    planted.add_mess("duplicate_crm_record", int((dup & seen).sum()), "crm/customers")
    planted.add_mess("name_typo", n_typos, "crm/customers")
    planted.add_mess("fuzzy_duplicate_crm", int((fuzzy & seen).sum()), "crm/customers")
    for v in FUZZY_VARIANTS:
        planted.add_mess(
            f"fuzzy_variant_{v}", int(has_variant(mask[seen[fz]], FUZZY_VARIANTS, v).sum()), "crm/customers"
        )


def write_accounts(world: World, ex: Exporter, planted: Planted, rng) -> None:
    r = RATES
    p, created = world.acct_person, world.acct_created
    na = len(p)
    email = world.email_for_record(rng, p, 0.45)
    junk_e = rng.random(na) < r.junk_email
    email = np.where(junk_e, world.email_junk, email)
    phone = np.where(rng.random(na) < 0.45, world.phone_for_record(rng, p), -1)
    junk_p = (phone >= 0) & (rng.random(na) < r.junk_phone)
    phone = np.where(junk_p, world.phone_junk, phone)
    e_style = world.style(rng, na, r.email_style, EMAIL_STYLES)
    p_style = world.style(rng, na, r.phone_style, PHONE_STYLES)
    first, last, n_typos = names_with_typos(world, p, r.name_typo, rng)
    day = world.cal.day_of(np.maximum(created, world.t0))
    ex.write(
        BY_NAME["shop/accounts"],
        {
            "shop_account_id": world.acct_ids,
            "email": world.emails.codes(email, e_style),
            "first_name": first,
            "last_name": last,
            "phone": world.phones.codes(phone, p_style),
            "created_at": created,
        },
        day,
        order=created,
        stream=43,
    )
    planted.add_mess("name_typo", n_typos, "shop/accounts")


def write_cards(world: World, ex: Exporter, planted: Planted, rng) -> None:
    r = RATES
    p, issued, replaced = world.card_person, world.card_issued_at, world.card_replaced_at
    nc = len(p)
    signup = world.card_is_signup
    nb = int((~signup).sum())  # till sign-ups are numbered after the other cards
    pb, none = p[:nb], np.full(nc - nb, -1, dtype=np.int64)
    crm = world.crm_of[pb]
    crm = np.where((crm >= 0) & (rng.random(nb) < 0.92), crm, -1)
    email = np.where((crm < 0) | (rng.random(nb) < 0.6), world.email_for_record(rng, pb, 0.3), -1)
    phone = np.where(rng.random(nb) < 0.35, world.phone_for_record(rng, pb), -1)
    e_style = world.style(rng, nb, r.email_style, EMAIL_STYLES)
    p_style = world.style(rng, nb, r.phone_style, PHONE_STYLES)
    c_style = np.where(rng.random(nb) < 0.05, 1, 0)  # the loyalty system mostly stores it clean
    # sign-ups at the till: no CRM id, no email, no phone; a name and a postcode
    crm, email, phone = np.r_[crm, none], np.r_[email, none], np.r_[phone, none]
    e_style, p_style = np.r_[e_style, np.zeros_like(none)], np.r_[p_style, np.zeros_like(none)]
    names_rng = world.cfg.rng(44, 1)
    c_style = np.r_[c_style, np.where(names_rng.random(nc - nb) < 0.05, 1, 0)]
    # names: on sign-ups always, on the other cards when the loyalty system holds them
    named = np.r_[names_rng.random(nb) < r.card_names, np.ones(nc - nb, bool)]
    with_postcode = named & np.r_[names_rng.random(nb) < 0.8, np.ones(nc - nb, bool)]
    first, last, n_typos = names_with_typos(
        world, p, np.where(named & ~signup, r.name_typo, 0.0), names_rng, as_objects=True
    )
    mask = world.card_variants[nb:]
    first[nb:], last[nb:] = varied_names(world, p[nb:], mask, SIGNUP_VARIANTS, names_rng)
    postcode = world.postcode.take(pa.array(p)).to_numpy(zero_copy_only=False)
    wrong = nb + np.flatnonzero(has_variant(mask, SIGNUP_VARIANTS, "postcode_typo"))
    postcode[wrong] = postcode_typo(list(postcode[wrong]), names_rng)
    first = pa.array(first, pa.string(), mask=~named)
    last = pa.array(last, pa.string(), mask=~named)
    postcode = pa.array(postcode, pa.string(), mask=~with_postcode)
    t0 = world.t0
    status = np.where(replaced < t0, 1, np.where(world.card_expired, 2, 0))
    blocked_later = (replaced >= t0) & (replaced < world.t_end)
    v = np.concatenate([np.arange(nc), np.flatnonzero(blocked_later)])
    v_status = np.concatenate([status, np.ones(blocked_later.sum(), dtype=np.int64)])
    v_at = np.concatenate([np.maximum(issued, t0), replaced[blocked_later]])
    ex.write(
        BY_NAME["loyalty/cards"],
        {
            "loyalty_card_number": world.cards.codes(v, c_style[v]),
            "crm_customer_id": Codes(crm[v], world.crm_ids),
            "email": world.emails.codes(email[v], e_style[v]),
            "phone": world.phones.codes(phone[v], p_style[v]),
            "issued_at": issued[v],
            "status": Codes(v_status, pa.array(CARD_STATUSES)),
            "first_name": first.take(pa.array(v)),
            "last_name": last.take(pa.array(v)),
            "postcode": postcode.take(pa.array(v)),
        },
        world.cal.day_of(v_at),
        order=v_at,
        stream=44,
    )
    planted.add_mess("name_typo", n_typos, "loyalty/cards")
    planted.add_mess("card_signup_without_contact", nc - nb, "loyalty/cards")
    for x in SIGNUP_VARIANTS:
        planted.add_mess(
            f"card_signup_variant_{x}", int(has_variant(mask, SIGNUP_VARIANTS, x).sum()), "loyalty/cards"
        )


def write_consents(world: World, ex: Exporter, plan: ConsentPlan, unsubscribes: tuple) -> None:
    u_p, u_t = unsubscribes
    rec = np.concatenate([plan.record, world.crm_of[u_p]])
    combo = np.concatenate([plan.combo, np.full(len(u_p), MARKETING_EMAIL)])
    granted = np.concatenate([plan.granted, np.zeros(len(u_p), bool)])
    at = np.concatenate([plan.at, u_t])
    keep = (rec >= 0) & (at < world.active_until[world.crm_person[np.maximum(rec, 0)]])
    rec, combo, granted, at = rec[keep], combo[keep], granted[keep], at[keep]
    _, first = np.unique(np.stack([rec, combo, at]), axis=1, return_index=True)
    rec, combo, granted, at = rec[first], combo[first], granted[first], at[first]
    purposes = np.array([PURPOSES.index(c[0]) for c in COMBOS])
    channels = np.array([CONSENT_CHANNELS.index(c[1]) for c in COMBOS])
    ex.write(
        BY_NAME["crm/consents"],
        {
            "crm_customer_id": Codes(rec, world.crm_ids),
            "purpose": Codes(purposes[combo], pa.array(PURPOSES)),
            "channel": Codes(channels[combo], pa.array(CONSENT_CHANNELS)),
            "granted": granted,
            "recorded_at": at,
        },
        world.cal.day_of(np.maximum(at, world.t0)),
        order=at,
        stream=45,
    )


def write_erasures(world: World, ex: Exporter, planted: Planted, rng) -> None:
    p = np.flatnonzero(world.erased_at < NEVER)
    p = p[np.argsort(world.erased_at[p], kind="stable")]
    how = rng.choice(3, len(p), p=[0.6, 0.3, 0.1])  # by crm id, by email, both
    crm = np.where(how != 1, world.crm_of[p], -1)
    email = np.where(how != 0, p, -1)
    at = world.erased_at[p]
    ex.write(
        BY_NAME["crm/erasure_requests"],
        {
            "crm_customer_id": Codes(crm, world.crm_ids),
            "email": world.emails.codes(email, np.zeros(len(p), dtype=np.int64)),
            "requested_at": at,
        },
        world.cal.day_of(at),
        order=at,
        stream=46,
    )
    planted.note("erasure_request", len(p))


def simulate_records(world: World, ex: Exporter, planted: Planted, plan: ConsentPlan, unsubscribes) -> None:
    write_customers(world, ex, planted, world.cfg.rng(42))
    write_consents(world, ex, plan, unsubscribes)
    write_erasures(world, ex, planted, world.cfg.rng(46))
    write_accounts(world, ex, planted, world.cfg.rng(43))
    write_cards(world, ex, planted, world.cfg.rng(44))
