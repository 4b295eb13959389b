"""Behaviour a user of the demo would notice: scores follow experience, activity follows the calendar."""

from __future__ import annotations

import numpy as np
import pytest

from simulator import care
from simulator.config import Planted, SimConfig
from simulator.export import Exporter
from simulator.online import Orders
from simulator.population import World
from simulator.strings import DAY, NULL_TS
from tests.unit.simulator._helpers import relation


@pytest.fixture(scope="module")
def troubled(tmp_path_factory):
    """Every customer orders on day one; half of them send their order back four days later."""
    out = tmp_path_factory.mktemp("behaviour") / "landing"
    cfg = SimConfig(persons=3000, days=90, seed=3, out=out, quiet=True)
    world = World(cfg)
    planted = Planted()
    ex = Exporter(cfg, planted)
    buyers = np.flatnonzero(world.has_crm | world.has_shop)
    n = len(buyers)
    ordered = np.full(n, cfg.t0 + 7200)
    returned = np.where(np.arange(n) % 2 == 0, cfg.t0 + 4 * DAY, NULL_TS)
    acct = world.acct_of[buyers]
    orders = Orders(
        buyers,
        acct,
        ordered,
        np.full(n, NULL_TS),
        returned,
        np.where(acct < 0, buyers, -1),
        np.repeat(np.arange(n), 3),
        world.catalogue.draw(cfg.rng(99), 3 * n),
    )
    tickets = care.simulate_care(world, ex, planted, orders)
    care.simulate_feedback(world, ex, planted, orders, tickets)
    ex.close()
    returner = np.zeros(world.n, dtype=bool)
    returner[buyers[returned != NULL_TS]] = True
    person_of = {}
    for ids, owners in ((world.crm_ids, world.crm_person), (world.acct_ids, world.acct_person)):
        person_of.update(zip(ids.to_pylist(), owners.tolist()))
    emails = world.emails.canonical.to_pylist()
    person_of.update((e, i % world.n) for i, e in enumerate(emails[: 2 * world.n]))
    return out, returner, person_of


def _scores(con, out, entity, score_col, id_cols, person_of, returner, after):
    files = sorted((out / entity).glob("*.csv"))
    rows = con.execute(
        f"select {', '.join(id_cols)}, {score_col}, {after} from {relation(con, files)}"
    ).fetchall()
    bad, good = [], []
    for r in rows:
        ident = next((v.strip().lower() if "@" in v else v for v in r[: len(id_cols)] if v), None)
        p = person_of.get(ident)
        if p is None or r[-2] is None or not r[-2].isdigit():
            continue
        if str(r[-1]) >= "2025-01-06":  # answered after the returns of 2025-01-05
            (bad if returner[p] else good).append(int(r[-2]))
    return np.array(bad), np.array(good)


def test_people_who_returned_their_order_score_lower(troubled, con):
    out, returner, person_of = troubled
    bad, good = _scores(
        con,
        out,
        "survey/nps_responses",
        "score",
        ["crm_customer_id", "email"],
        person_of,
        returner,
        "answered_at",
    )
    assert len(bad) > 20 and len(good) > 20
    assert good.mean() - bad.mean() > 1.5, (good.mean(), bad.mean())
    assert (bad <= 6).mean() > 2 * (good <= 6).mean(), "returners are far more often detractors"
    bad, good = _scores(
        con,
        out,
        "reviews/reviews",
        "rating",
        ["shop_account_id", "email"],
        person_of,
        returner,
        "submitted_at",
    )
    assert len(bad) > 20 and len(good) > 20
    assert good.mean() - bad.mean() > 1.5, (good.mean(), bad.mean())
    assert len(bad) > len(good), "unhappy buyers write more reviews"


def test_slow_first_answers_get_worse_csat(troubled, con):
    out = troubled[0]
    rel = relation(con, sorted((out / "care" / "tickets").glob("*.csv")))
    rows = con.execute(f"""
        select try_cast(first_response_at as timestamp) - try_cast(opened_at as timestamp) > interval 24 hour,
               avg(try_cast(csat_score as int)), count(csat_score), count(*)
        from {rel} where try_cast(csat_score as int) between 1 and 5 group by 1 order by 1""").fetchall()
    (fast, fast_csat, n_fast, _), (slow, slow_csat, n_slow, _) = rows
    assert not fast and slow and n_fast > 20 and n_slow >= 10
    assert fast_csat - slow_csat > 0.8, rows
    channels = {r[0] for r in con.execute(f"select distinct channel from {rel}").fetchall()}
    assert {"email", "chat", "phone", "social"} <= channels


def test_stores_trade_in_opening_hours_and_web_peaks_in_the_evening(run, con):
    pos = relation(con, run.data_files("pos", "transactions"))
    hours = dict(
        con.execute(f"""
            select hour(try_cast(transacted_at as timestamp)), count(*) from {pos}
            where try_cast(transacted_at as date)::varchar = left(parse_filename(filename), 10)
            group by 1""").fetchall()
    )
    assert set(hours) - {None} <= set(range(8, 21))
    assert hours.get(13, 0) > 3 * hours.get(8, 0)
    web = relation(con, run.data_files("web", "events"))
    by_hour = dict(
        con.execute(f"""
            select hour(try_cast(occurred_at as timestamp)), count(*) from {web}
            where event_type = 'page_view' group by 1""").fetchall()
    )
    assert by_hour[20] > 3 * by_hour[4]


def test_logins_link_cookies_to_accounts_and_checkouts_make_orders(run, con):
    web = relation(con, run.data_files("web", "events"))
    logins, checkouts = con.execute(f"""
        select count(*) filter (where event_type = 'login' and anonymous_id is not null
                                  and shop_account_id is not null),
               count(distinct event_id) filter (where event_type = 'checkout')
        from {web}""").fetchall()[0]
    assert logins > 50
    orders = relation(con, run.data_files("shop", "orders"))
    web_orders, guest_orders = con.execute(f"""
        select count(distinct order_id) filter (where device_channel = 'web'),
               count(distinct order_id) filter (where shop_account_id is null and guest_email is not null)
        from {orders} where status = 'placed'""").fetchall()[0]
    assert abs(web_orders - checkouts) <= 0.05 * web_orders + 5, (web_orders, checkouts)
    assert guest_orders > 10, "guests check out with an email"
    lines = relation(con, run.data_files("shop", "order_lines"))
    assert con.execute(f"select min(line_number)::int from {lines}").fetchall()[0][0] == 1
    app = relation(con, run.data_files("app", "events"))
    pings, app_logins = con.execute(f"""
        select count(*) filter (where event_type = 'foreground_ping'),
               count(*) filter (where event_type = 'login' and app_user_id is not null)
        from {app}""").fetchall()[0]
    assert pings > 1000 and app_logins > 10


def test_loyalty_points_follow_carded_store_purchases(run, con):
    pts = relation(con, run.data_files("loyalty", "points"))
    reasons = dict(
        con.execute(f"""
            select reason, count(*) from (
                select reason from {pts} where reason in ('earn', 'redeem', 'expire', 'adjust')
                qualify count(*) over (partition by entry_id) = 1  -- not the planted twins
            ) group by 1""").fetchall()
    )
    assert reasons["earn"] > 3 * reasons["redeem"] > 0 and reasons["adjust"] > 0, reasons
    assert "expire" not in reasons, "points expire 180 days after they were earned; this run lasts 120"
    default = con.execute(f"""
        select count(*) from {pts}
        where reason = 'earn' and loyalty_card_number like 'STORE-DEFAULT-%'""").fetchall()
    assert default[0][0] > 0, "the store default card collects the points of card-less shoppers"
