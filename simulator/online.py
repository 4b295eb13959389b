"""The web shop and the app: sessions, their events, carts, orders and order lines.

A session is the unit of behaviour: a person opens pages (or screens), each open page sends a
heartbeat every 10 s, some add items to a cart, some log in, some check out. Carts and orders are
derived from the same sessions, so a checkout event, its cart and its order agree.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from simulator.config import RATES, Planted
from simulator.export import Exporter
from simulator.layout import APP_EVENT_TYPES, BY_NAME, ORDER_STATUSES, WEB_EVENT_TYPES
from simulator.population import EMAIL_STYLES, World
from simulator.reference import CURRENCY, ONLINE_QTY, product_names
from simulator.strings import DAY, NULL_TS, Codes, Serial, ragged, serial_width

WEB = {t: i for i, t in enumerate(WEB_EVENT_TYPES)}
APP = {t: i for i, t in enumerate(APP_EVENT_TYPES)}
PING = 10  # seconds between heartbeats of an open page or a foregrounded app


@dataclass
class Sessions:
    """Sessions of one channel and the items their carts hold."""

    channel: str  # web | app
    person: np.ndarray
    start: np.ndarray
    login_at: np.ndarray  # when events start carrying the account id (NULL_TS: never)
    acct: np.ndarray  # account id index used when logged in (-1 none)
    convert: np.ndarray
    checkout_at: np.ndarray
    anon: np.ndarray  # cookie (web) or -1
    item_sess: np.ndarray
    item_at: np.ndarray
    item_sku: np.ndarray
    item_qty: np.ndarray


def _session_count(world: World, rng, users: np.ndarray, base_rate: float, channel: str):
    lo = np.maximum(world.since[users], world.t0)
    hi = world.active_until[users]
    rate = base_rate * rng.gamma(0.7, 1 / 0.7, len(users)) * np.where(world.has_shop[users], 1.25, 0.8)
    k = world.cal.counts(rng, rate, lo, hi, channel)
    person = np.repeat(users, k)
    start = world.cal.sample(rng, np.repeat(lo, k), np.repeat(hi, k), channel)
    order = np.lexsort((person, start))
    return person[order], start[order]


def _items(world: World, rng, convert: np.ndarray, abandon: np.ndarray) -> np.ndarray:
    conv_items = 1 + np.minimum(rng.poisson(1.4, len(convert)), 9)
    aband_items = 1 + np.minimum(rng.poisson(0.5, len(convert)), 5)
    return np.where(convert, conv_items, np.where(abandon, aband_items, 0))


def _pages(
    rng,
    n_pages: np.ndarray,
    items: np.ndarray,
    convert: np.ndarray,
    start: np.ndarray,
    mean_dur: float,
    cal_t0: int,
):
    """Lay pages/screens out in time; shift sessions so they end before midnight of their day."""
    p_sess, p_pos = ragged(n_pages)
    dur = np.clip(rng.exponential(mean_dur, len(p_sess)), 4, 600).astype(np.int64)
    is_checkout = convert[p_sess] & (p_pos == n_pages[p_sess] - 1)
    dur = np.where(is_checkout, rng.integers(15, 60, len(p_sess)), dur)
    step = dur + rng.integers(1, 5, len(p_sess))
    csum = np.cumsum(step)
    first = np.cumsum(n_pages) - n_pages
    offset = csum - step - (csum - step)[np.minimum(first, len(csum) - 1)][p_sess] if len(csum) else csum
    total = np.zeros(len(n_pages), dtype=np.int64)
    np.add.at(total, p_sess, step)
    day_end = cal_t0 + ((start - cal_t0) // DAY + 1) * DAY
    start = np.minimum(start, day_end - total - 2)
    p_start = start[p_sess] + offset
    # the item pages are the last pages before checkout (or the last pages of an abandoned visit)
    first_item_pos = n_pages - convert - items
    is_item = (p_pos >= first_item_pos[p_sess]) & ~is_checkout
    return p_sess, p_pos, p_start, dur, is_item, is_checkout, start, total


def web_sessions(world: World, rng) -> tuple[Sessions, dict]:
    r = RATES
    users = np.flatnonzero(world.web_user)
    person, start = _session_count(world, rng, users, r.web_sessions, "web")
    n = len(person)
    anon = world.anon_first[person] + (rng.random(n) * world.anon_count[person]).astype(np.int64)
    acct = world.acct_of[person]
    acct_ok = (acct >= 0) & (start >= world.shop_created[person])
    u = rng.random(n)
    mode = np.where(acct_ok & (u < 0.35), 1, np.where(acct_ok & (u < 0.6), 2, 0))  # remembered, login, none
    convert = rng.random(n) < np.where(mode > 0, r.web_convert_account, r.web_convert_guest)
    abandon = ~convert & (rng.random(n) < r.abandon_cart)
    items = _items(world, rng, convert, abandon)
    n_pages = np.maximum(1 + np.minimum(rng.poisson(2.0, n), 15), items + convert + 1)
    p_sess, _, p_start, dur, is_item, is_checkout, start, total = _pages(
        rng, n_pages, items, convert, start, 32.0, world.t0
    )
    pages = world.pages
    kind = rng.choice(4, len(p_sess), p=[0.2, 0.3, 0.1, 0.4])  # home, category, search, product
    url = np.select(
        [kind == 0, kind == 1, kind == 2],
        [
            pages.home,
            pages.category0 + rng.integers(0, pages.n_categories, len(p_sess)),
            pages.search0 + rng.integers(0, pages.n_searches, len(p_sess)),
        ],
        pages.product0 + world.catalogue.draw(rng, len(p_sess)),
    )
    item_page = np.flatnonzero(is_item)
    item_sku = world.catalogue.draw(rng, len(item_page))
    url[item_page] = pages.product0 + item_sku
    url[is_checkout] = pages.checkout
    item_at = p_start[item_page] + np.minimum(rng.integers(2, 30, len(item_page)), dur[item_page] - 1)
    login_at = np.where(mode == 1, start, NULL_TS)
    login_at = np.where(
        mode == 2, start + np.minimum(rng.integers(3, 20, n), dur[np.cumsum(n_pages) - n_pages] - 1), login_at
    )
    checkout_at = np.where(convert, start + total - 5, NULL_TS)

    # ---------- events
    pings = (dur - 1) // PING
    _, g_k = ragged(pings)
    g_page = np.repeat(np.arange(len(p_sess)), pings)
    parts = [
        (p_sess, p_start, np.full(len(p_sess), WEB["page_view"]), url),
        (
            p_sess[g_page],
            p_start[g_page] + PING * (g_k + 1),
            np.full(len(g_page), WEB["page_ping"]),
            url[g_page],
        ),
        (p_sess[item_page], item_at, np.full(len(item_page), WEB["add_to_cart"]), url[item_page]),
    ]
    srch = np.flatnonzero(kind == 2)
    srch = srch[~is_item[srch] & ~is_checkout[srch]]
    parts.append((p_sess[srch], p_start[srch] + 1, np.full(len(srch), WEB["search"]), url[srch]))
    conv = np.flatnonzero(convert)
    parts.append(
        (conv, checkout_at[conv], np.full(len(conv), WEB["checkout"]), np.full(len(conv), pages.checkout))
    )
    lg = np.flatnonzero(mode == 2)
    parts.append((lg, login_at[lg], np.full(len(lg), WEB["login"]), np.full(len(lg), pages.login)))
    lo = np.flatnonzero((mode > 0) & (rng.random(n) < 0.03))
    parts.append(
        (lo, start[lo] + total[lo] - 1, np.full(len(lo), WEB["logout"]), np.full(len(lo), pages.account))
    )
    e_sess = np.concatenate([p[0] for p in parts])
    e_at = np.concatenate([p[1] for p in parts]).astype(np.int64)
    e_type = np.concatenate([p[2] for p in parts]).astype(np.int8)
    e_url = np.concatenate([p[3] for p in parts]).astype(np.int32)
    logged = (login_at[e_sess] != NULL_TS) & (e_at >= login_at[e_sess])
    events = {
        "sess": e_sess,
        "at": e_at,
        "type": e_type,
        "url": e_url,
        "acct": np.where(logged, acct[e_sess], -1),
        "anon": anon[e_sess],
    }
    item_sess = p_sess[item_page]
    sessions = Sessions(
        "web",
        person,
        start,
        login_at,
        np.where(mode > 0, acct, -1),
        convert,
        checkout_at,
        anon,
        item_sess,
        item_at,
        item_sku,
        rng.choice(ONLINE_QTY[0], len(item_page), p=ONLINE_QTY[1]),
    )
    return sessions, events


def app_sessions(world: World, rng) -> tuple[Sessions, dict]:
    r = RATES
    users = np.flatnonzero(world.app_user)
    person, start = _session_count(world, rng, users, r.app_sessions, "app")
    n = len(person)
    device = world.dev_first[person] + (rng.random(n) * world.dev_count[person]).astype(np.int64)
    acct = world.acct_of[person]
    acct_ok = (acct >= 0) & (start >= world.shop_created[person])
    # the first session on a device after the account exists logs in; the app then stays logged in
    order = np.lexsort((start, ~acct_ok, device))
    first_ok = np.zeros(n, dtype=bool)
    d_sorted, ok_sorted = device[order], acct_ok[order]
    is_first = ok_sorted & np.concatenate([[True], (d_sorted[1:] != d_sorted[:-1]) | ~ok_sorted[:-1]])
    first_ok[order[is_first]] = True
    mode = np.where(first_ok, 2, np.where(acct_ok & (rng.random(n) < 0.93), 1, 0))
    convert = (mode > 0) & (rng.random(n) < r.app_convert)
    abandon = ~convert & (mode > 0) & (rng.random(n) < r.abandon_cart)
    items = _items(world, rng, convert, abandon)
    n_screens = np.maximum(1 + np.minimum(rng.poisson(2.5, n), 15), items + convert + 1)
    s_sess, _, s_start, dur, is_item, _, start, total = _pages(
        rng, n_screens, items, convert, start + 2, 25.0, world.t0
    )
    start = start - 2
    item_screen = np.flatnonzero(is_item)
    item_sku = world.catalogue.draw(rng, len(item_screen))
    item_at = s_start[item_screen] + np.minimum(rng.integers(2, 30, len(item_screen)), dur[item_screen] - 1)
    first_screen = np.cumsum(n_screens) - n_screens
    login_at = np.where(mode == 1, start, NULL_TS)
    login_at = np.where(
        mode == 2, s_start[first_screen] + np.minimum(rng.integers(3, 20, n), dur[first_screen] - 1), login_at
    )
    checkout_at = np.where(convert, start + 2 + total - 5, NULL_TS)
    end = start + 2 + total

    pings = (dur - 1) // PING
    g_page = np.repeat(np.arange(len(s_sess)), pings)
    _, g_k = ragged(pings)
    push = np.flatnonzero(rng.random(n) < 0.1)
    conv = np.flatnonzero(convert)
    lg = np.flatnonzero(mode == 2)
    every = np.arange(n)
    parts = [
        (push, start[push] - 1, APP["push_open"]),
        (every, start, APP["app_open"]),
        (s_sess, s_start, APP["screen_view"]),
        (s_sess[g_page], s_start[g_page] + PING * (g_k + 1), APP["foreground_ping"]),
        (s_sess[item_screen], item_at, APP["add_to_cart"]),
        (conv, checkout_at[conv], APP["checkout"]),
        (lg, login_at[lg], APP["login"]),
        (every, end, APP["background"]),
    ]
    e_sess = np.concatenate([p[0] for p in parts])
    e_at = np.concatenate([p[1] for p in parts]).astype(np.int64)
    e_type = np.concatenate([np.full(len(p[0]), p[2], dtype=np.int8) for p in parts])
    logged = (login_at[e_sess] != NULL_TS) & (e_at >= login_at[e_sess])
    events = {
        "sess": e_sess,
        "at": e_at,
        "type": e_type,
        "acct": np.where(logged, acct[e_sess], -1),
        "device": device[e_sess],
    }
    sessions = Sessions(
        "app",
        person,
        start,
        login_at,
        np.where(mode > 0, acct, -1),
        convert,
        checkout_at,
        np.full(n, -1),
        s_sess[item_screen],
        item_at,
        item_sku,
        rng.choice(ONLINE_QTY[0], len(item_screen), p=ONLINE_QTY[1]),
    )
    return sessions, events


def _deliveries(
    world: World,
    rng,
    e_at: np.ndarray,
    e_sess: np.ndarray,
    n_sess: int,
    late_share: float,
    planted: Planted,
    source: str,
):
    """Export day of each event: on time, late by 1-5 days (whole sessions), or delivered twice."""
    delay = np.where(rng.random(n_sess) < late_share, rng.integers(1, 6, n_sess), 0)
    day = world.cal.day_of(e_at) + delay[e_sess]
    in_run = day < world.cfg.days
    planted.add_mess("late_event", int(((delay[e_sess] > 0) & in_run).sum()), f"{source}/events")
    dup = np.flatnonzero(rng.random(len(e_at)) < RATES.duplicate_delivery)
    dup_day = day[dup] + rng.integers(1, 4, len(dup))
    planted.add_mess("duplicate_delivery", int((dup_day < world.cfg.days).sum()), f"{source}/events")
    return day, dup, dup_day


def write_events(world: World, ex: Exporter, planted: Planted, s: Sessions, events: dict, rng) -> None:
    src = s.channel
    at = events["at"]
    order = np.argsort(at, kind="stable")  # event ids follow time
    for k in list(events):  # in place: the caller's unsorted arrays are freed
        events[k] = events[k][order]
    del order
    at = events["at"]
    late = RATES.late_session_web if src == "web" else RATES.late_session_app
    day, dup, dup_day = _deliveries(world, rng, at, events["sess"], len(s.person), late, planted, src)
    n = len(at)
    latency = (
        rng.integers(0, 3, n)
        if src == "web"
        else np.where(rng.random(n) < 0.03, rng.integers(600, 6 * 3600, n), rng.integers(0, 20, n))
    )
    received = np.minimum(at + latency, world.t0 + (day + 1) * DAY - 1)
    rows = np.concatenate([np.arange(n), dup])
    ids = Serial("W" if src == "web" else "E", rows + 1, serial_width(n, 10))
    cols = {"event_id": ids}
    if src == "web":
        cols |= {
            "anonymous_id": Codes(events["anon"][rows], world.anon_ids),
            "shop_account_id": Codes(events["acct"][rows], world.acct_ids),
            "event_type": Codes(events["type"][rows].astype(np.int64), pa.array(WEB_EVENT_TYPES)),
            "page_url": Codes(events["url"][rows].astype(np.int64), world.pages.urls),
        }
    else:
        dev = events["device"][rows]
        cols |= {
            "device_id": Codes(dev, world.dev_ids),
            "app_user_id": Codes(events["acct"][rows], world.acct_ids),
            "platform": Codes(world.dev_platform[dev].astype(np.int64), pa.array(["ios", "android"])),
            "event_type": Codes(events["type"][rows].astype(np.int64), pa.array(APP_EVENT_TYPES)),
        }
    cols |= {"occurred_at": at[rows], "received_at": received[rows]}
    ex.write(
        BY_NAME[f"{src}/events"],
        cols,
        np.concatenate([day, dup_day]),
        order=rows,
        stream=10 if src == "web" else 11,
    )


@dataclass
class Orders:
    """What happened to online orders, for care, reviews and surveys."""

    person: np.ndarray
    acct: np.ndarray
    ordered_at: np.ndarray
    cancelled_at: np.ndarray
    returned_at: np.ndarray
    guest_email: np.ndarray  # email vocab index used at guest checkout (-1 when logged in)
    line_order: np.ndarray
    line_sku: np.ndarray


def write_commerce(world: World, ex: Exporter, planted: Planted, sessions: list[Sessions], rng) -> Orders:
    """Carts, orders (with later cancellations and returns) and order lines of every session."""
    r = RATES
    cat = world.catalogue
    # one cart per session with items; sessions of both channels numbered together
    offs = np.cumsum([0] + [len(s.person) for s in sessions])
    sess_person = np.concatenate([s.person for s in sessions])
    sess_acct = np.concatenate([s.acct for s in sessions])
    sess_conv = np.concatenate([s.convert for s in sessions])
    sess_checkout = np.concatenate([s.checkout_at for s in sessions])
    sess_anon = np.concatenate([s.anon for s in sessions])
    sess_app = np.concatenate([np.full(len(s.person), s.channel == "app") for s in sessions])
    item_sess = np.concatenate([s.item_sess + o for s, o in zip(sessions, offs)])
    item_at = np.concatenate([s.item_at for s in sessions])
    item_sku = np.concatenate([s.item_sku for s in sessions])
    item_qty = np.concatenate([s.item_qty for s in sessions])
    item_value = item_qty * cat.price[item_sku]

    cart_sess = np.unique(item_sess)
    n_items = np.bincount(item_sess, minlength=len(sess_person))
    value = np.bincount(item_sess, weights=item_value, minlength=len(sess_person))
    first_add = np.full(len(sess_person), np.iinfo(np.int64).max)
    last_add = np.zeros(len(sess_person), dtype=np.int64)
    np.minimum.at(first_add, item_sess, item_at)
    np.maximum.at(last_add, item_sess, item_at)

    # ---------- orders, numbered by time
    o_sess = np.flatnonzero(sess_conv)
    o_sess = o_sess[np.argsort(sess_checkout[o_sess], kind="stable")]
    n_orders = len(o_sess)
    o_number = np.full(len(sess_person), -1, dtype=np.int64)
    o_number[o_sess] = np.arange(1, n_orders + 1)
    o_person = sess_person[o_sess]
    o_at = sess_checkout[o_sess]
    o_acct = sess_acct[o_sess]
    guest = o_acct < 0
    o_email = np.where(guest, world.email_for_record(rng, o_person, 0.5), -1)
    junk = guest & (rng.random(n_orders) < r.junk_email * 2)
    o_email = np.where(junk, world.email_junk, o_email)
    o_style = world.style(rng, n_orders, r.email_style, EMAIL_STYLES)
    o_total = np.round(value[o_sess], 2)
    until = world.active_until[o_person]
    cancelled = np.where(
        rng.random(n_orders) < r.cancel, o_at + rng.integers(1800, 36 * 3600, n_orders), NULL_TS
    )
    cancelled = np.where(cancelled < until, cancelled, NULL_TS)
    returned = np.where(
        (cancelled == NULL_TS) & (rng.random(n_orders) < r.ret),
        o_at + rng.integers(4 * DAY, 30 * DAY, n_orders),
        NULL_TS,
    )
    returned = np.where(returned < until, returned, NULL_TS)
    width = serial_width(n_orders, 8)

    # status rows: placed at order time, cancelled/returned later under the same order_id
    rows = [(np.arange(n_orders), o_at, 0)]
    c = np.flatnonzero(cancelled != NULL_TS)
    rows.append((c, cancelled[c], 1))
    rr = np.flatnonzero(returned != NULL_TS)
    rows.append((rr, returned[rr], 2))
    ri = np.concatenate([x[0] for x in rows])
    r_at = np.concatenate([x[1] for x in rows])
    r_status = np.concatenate([np.full(len(x[0]), x[2]) for x in rows])
    ex.write(
        BY_NAME["shop/orders"],
        {
            "order_id": Serial("O", ri + 1, width),
            "shop_account_id": Codes(o_acct[ri], world.acct_ids),
            "guest_email": world.emails.codes(o_email[ri], o_style[ri]),
            "ordered_at": o_at[ri],
            "status": Codes(r_status, pa.array(ORDER_STATUSES)),
            "order_total": o_total[ri],
            "currency": Codes(np.zeros(len(ri), dtype=np.int64), pa.array([CURRENCY])),
            "device_channel": Codes(sess_app[o_sess][ri].astype(np.int64), pa.array(["web", "app"])),
        },
        world.cal.day_of(r_at),
        order=r_at,
        stream=20,
    )

    # ---------- order lines
    li = np.flatnonzero(sess_conv[item_sess])
    li = li[np.lexsort((item_at[li], o_number[item_sess[li]]))]
    l_order = o_number[item_sess[li]]
    _, l_pos = ragged(np.bincount(l_order, minlength=n_orders + 1)[1:])
    ex.write(
        BY_NAME["shop/order_lines"],
        {
            "order_id": Serial("O", l_order, width),
            "line_number": l_pos + 1,
            "sku": Codes(item_sku[li], cat.sku),
            "quantity": item_qty[li],
            "unit_price": cat.price[item_sku[li]],
        },
        world.cal.day_of(sess_checkout[item_sess[li]]),
        order=l_order,
        stream=21,
    )

    # ---------- carts: converted carts carry the order id, abandoned ones do not
    k = cart_sess[np.argsort(first_add[cart_sess], kind="stable")]
    last = np.where(sess_conv[k], sess_checkout[k], last_add[k])
    ex.write(
        BY_NAME["shop/carts"],
        {
            "cart_id": Serial("K", np.arange(1, len(k) + 1), serial_width(len(k), 8)),
            "shop_account_id": Codes(sess_acct[k], world.acct_ids),
            "anonymous_id": Codes(sess_anon[k], world.anon_ids),
            "created_at": first_add[k],
            "last_activity_at": last,
            "cart_value": np.round(value[k], 2),
            "order_id": Serial("O", o_number[k], width),
        },
        world.cal.day_of(last),
        order=first_add[k],
        stream=22,
    )
    planted.note("abandoned_cart", int((~sess_conv[k] & (world.cal.day_of(last) < world.cfg.days)).sum()))
    assert n_items[k].min(initial=1) >= 1
    return Orders(o_person, o_acct, o_at, cancelled, returned, o_email, l_order - 1, item_sku[li])


def write_products(world: World, ex: Exporter) -> None:
    """The shop's product catalogue, sent on the first export day: every SKU but a few (discontinued lines
    still sold from stock), so a catalogue and the SKUs seen in sales need not agree."""
    cat = world.catalogue
    listed = np.flatnonzero(world.cfg.rng(70).random(cat.n) >= 0.03)
    names, categories = product_names(cat.n)
    ex.write(
        BY_NAME["shop/products"],
        {
            "sku": cat.sku.take(pa.array(listed)),
            "product_name": pa.array([names[i] for i in listed]),
            "category": pa.array([categories[i] for i in listed]),
            "list_price": cat.price[listed],
            "currency": pa.array([CURRENCY] * len(listed)),
        },
        np.zeros(len(listed), dtype=np.int64),
        stream=23,
    )


def simulate_online(world: World, ex: Exporter, planted: Planted) -> Orders:
    rng = world.cfg.rng(10)
    ex.status("simulating web sessions")
    web, web_events = web_sessions(world, rng)
    write_events(world, ex, planted, web, web_events, world.cfg.rng(11))
    del web_events
    ex.status("simulating app sessions")
    app, app_events = app_sessions(world, world.cfg.rng(12))
    write_events(world, ex, planted, app, app_events, world.cfg.rng(13))
    del app_events
    return write_commerce(world, ex, planted, [web, app], world.cfg.rng(14))
