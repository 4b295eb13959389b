"""Incremental journey marts: a run over new export days gives exactly what a full refresh gives.

Eight export days of a tiny population (Ann, Bob, Cara) are loaded as ingest would load them:
days 1-6, a full build; then days 7-8 with a late ping for an old session, a redelivered event, a
cookie that logs in (its anonymous past becomes Bob's), a return, and an erasure; an incremental
build; then a full refresh must produce the same tables. Finally an export for an old day arrives
behind the lookback: the incremental marts miss it, int_journey__late_events says so, and a full
refresh brings it in; a source that stalled and catches up is not missed (the lookback is per source).
"""

from __future__ import annotations

import pytest

D = {n: f"2025-03-{n:02d}" for n in range(1, 10)}  # export day n


def web(event_id, cookie, event_type, at, account=None, url=None):
    return {"event_id": event_id, "anonymous_id": cookie, "shop_account_id": account, "event_type": event_type,
            "page_url": url, "occurred_at": at, "received_at": at}


def app(event_id, device, event_type, at, user=None):
    return {"event_id": event_id, "device_id": device, "app_user_id": user, "platform": "ios",
            "event_type": event_type, "occurred_at": at, "received_at": at}


def email(event_id, address, event_type, at):
    return {"event_id": event_id, "email": address, "campaign_id": "CMP1", "event_type": event_type, "occurred_at": at}


ANN, BOB, CARA = "ann@x.io", "bob@x.io", "cara@x.io"


def load_days_1_to_6(wh):
    wh.load("crm__customers", D[1], [
        {"crm_customer_id": "C1", "email": ANN, "updated_at": f"{D[1]} 08:00:00"},
        {"crm_customer_id": "C3", "email": CARA, "updated_at": f"{D[1]} 08:00:00"},
    ])
    wh.load("shop__accounts", D[1], [
        {"shop_account_id": "A1", "email": ANN, "created_at": f"{D[1]} 08:00:00"},
        {"shop_account_id": "A2", "email": BOB, "created_at": f"{D[1]} 08:00:00"},
    ])
    wh.load("loyalty__cards", D[1], [{"loyalty_card_number": "LC1", "crm_customer_id": "C1", "issued_at": f"{D[1]} 08:00:00"}])
    wh.load("web__events", D[1], [
        web("w1", "K1", "page_view", f"{D[1]} 10:00:00", url="/home"),
        web("w2", "K1", "page_ping", f"{D[1]} 10:00:05", url="/home"),
        web("w3", "K1", "page_ping", f"{D[1]} 10:00:15", url="/home"),
        web("w4", "K1", "add_to_cart", f"{D[1]} 10:01:00", url="/p/1"),
        web("w5", "K1", "login", f"{D[1]} 10:02:00", account="A1"),
        web("w6", "K1", "checkout", f"{D[1]} 10:05:00", account="A1", url="/checkout"),
        web("w7", "K2", "page_view", f"{D[1]} 23:50:00", url="/home"),
    ])
    wh.load("web__events", D[2], [web("w8", "K2", "page_view", f"{D[2]} 00:10:00", url="/p/2")])
    wh.load("app__events", D[1], [
        app("a1", "D1", "app_open", f"{D[1]} 12:00:00", user="A1"),
        app("a2", "D1", "screen_view", f"{D[1]} 12:00:10", user="A1"),
        app("a3", "D1", "foreground_ping", f"{D[1]} 12:00:20", user="A1"),
        app("a4", "D1", "foreground_ping", f"{D[1]} 12:00:30", user="A1"),
    ])
    wh.load("shop__orders", D[1], [
        {"order_id": "O1", "shop_account_id": "A1", "ordered_at": f"{D[1]} 10:05:00", "status": "placed",
         "order_total": 100.0, "currency": "GBP", "device_channel": "web"},
    ])
    wh.load("shop__order_lines", D[1], [{"order_id": "O1", "line_number": 1, "sku": "SKU1", "quantity": 2, "unit_price": 50.0}])
    wh.load("shop__carts", D[1], [
        {"cart_id": "CART1", "shop_account_id": "A1", "anonymous_id": "K1", "created_at": f"{D[1]} 10:01:00",
         "last_activity_at": f"{D[1]} 10:05:00", "cart_value": 100.0, "order_id": "O1"},
    ])
    wh.load("shop__carts", D[2], [
        {"cart_id": "CART2", "anonymous_id": "K2", "created_at": f"{D[2]} 00:05:00",
         "last_activity_at": f"{D[2]} 00:10:00", "cart_value": 20.0},
    ])
    wh.load("email__events", D[1], [email("e1", ANN, "sent", f"{D[1]} 09:00:00"), email("e2", ANN, "open", f"{D[1]} 09:30:00"),
                                    email("e5", CARA, "sent", f"{D[1]} 09:00:00")])
    wh.load("email__events", D[2], [email("e3", ANN, "click", f"{D[2]} 08:00:00")])
    wh.load("care__tickets", D[3], [{"ticket_id": "T1", "channel": "chat", "contact_email": BOB, "opened_at": f"{D[3]} 11:00:00"}])
    wh.load("pos__stores", D[1], [{"store_id": "S1", "city": "Leeds", "country": "GB", "timezone": "Europe/London"}])
    wh.load("pos__transactions", D[4], [
        {"transaction_id": "X1", "store_id": "S1", "loyalty_card_number": "LC1", "transacted_at": f"{D[4]} 14:00:00",
         "total_amount": 30.0, "currency": "GBP"},
    ])
    wh.load("pos__transaction_lines", D[4], [{"transaction_id": "X1", "line_number": 1, "sku": "SKU2", "quantity": 3, "unit_price": 10.0}])
    wh.load("loyalty__points", D[5], [{"entry_id": "P1", "loyalty_card_number": "LC1", "points": 30, "reason": "earn",
                                       "occurred_at": f"{D[4]} 14:00:00"}])
    wh.load("survey__nps_responses", D[6], [
        {"response_id": "R1", "crm_customer_id": "C1", "score": 10, "answered_at": f"{D[6]} 09:00:00"},
        {"response_id": "R3", "email": CARA, "score": 3, "answered_at": f"{D[6]} 09:00:00"},
    ])


def load_days_7_and_8(wh):
    wh.load("web__events", D[7], [
        web("w1", "K1", "page_view", f"{D[1]} 10:00:00", url="/home"),  # redelivered
        web("w9", "K1", "page_ping", f"{D[1]} 10:00:25", url="/home"),  # six days late, joins day 1's session
        web("w10", "K2", "login", f"{D[7]} 10:00:00", account="A2"),  # K2 was Bob all along
    ])
    wh.load("shop__orders", D[7], [
        {"order_id": "O1", "shop_account_id": "A1", "ordered_at": f"{D[1]} 10:05:00", "status": "returned",
         "order_total": 100.0, "currency": "GBP", "device_channel": "web"},
        {"order_id": "O2", "guest_email": BOB, "ordered_at": f"{D[7]} 10:30:00", "status": "placed",
         "order_total": 50.0, "currency": "GBP", "device_channel": "app"},
    ])
    wh.load("shop__order_lines", D[7], [{"order_id": "O2", "line_number": 1, "sku": "SKU3", "quantity": 1, "unit_price": 50.0}])
    wh.load("reviews__reviews", D[7], [{"review_id": "RV1", "shop_account_id": "A2", "sku": "SKU3", "rating": 5,
                                        "submitted_at": f"{D[7]} 18:00:00"}])
    wh.load("app__events", D[8], [app("a5", "D1", "screen_view", f"{D[8]} 09:00:00", user="A1")])
    wh.load("crm__erasure_requests", D[8], [{"email": CARA, "requested_at": f"{D[8]} 12:00:00"}])


COMPARED = {
    "marts.fct_touchpoints": "touchpoint_id",
    "marts.fct_sessions": "session_id",
    "marts.fct_orders": "order_id",
    "marts.fct_journey_stages": "customer_id, stage",
    "marts.fct_order_attribution": "order_id, touchpoint_id",
}


@pytest.fixture(scope="module")
def built(warehouse):
    load_days_1_to_6(warehouse)
    warehouse.build_journeys()
    before = warehouse.table("marts.fct_touchpoints", "touchpoint_id")
    load_days_7_and_8(warehouse)
    warehouse.build_journeys()
    incremental = {name: warehouse.table(name, order) for name, order in COMPARED.items()}
    return warehouse, before, incremental


def customer_of(wh, identifier_type, value):
    return wh.query(f"select customer_id from intermediate.int_identity__customer_identifiers "
                    f"where identifier_type = '{identifier_type}' and identifier_value = '{value}'")[0][0]


def test_incremental_run_equals_full_refresh(built):
    wh, before, incremental = built
    assert len(incremental["marts.fct_touchpoints"]) > len(before)
    wh.build_journeys("--full-refresh")
    for name, order in COMPARED.items():
        assert wh.table(name, order) == incremental[name], name


def test_late_ping_lands_in_its_old_session(built):
    wh, _, _ = built
    sessions = wh.query("""
        select event_count, view_count, heartbeat_count, engaged_seconds, is_converted, entry_page, exit_page, customer_id
        from marts.fct_sessions where visitor_id = 'K1'""")
    # w1..w6 and the late ping w9, w1 once: three heartbeat buckets -> 10 x (3 - 1) + 5 = 25 s
    assert sessions == [(7, 1, 3, 25, True, "/home", "/home", customer_of(wh, "email", ANN))]


def test_redelivered_event_counts_once(built):
    wh, _, _ = built
    assert wh.query("select count(*) from marts.fct_touchpoints where touchpoint_id = 'web:w1'") == [(1,)]


def test_anonymous_past_becomes_known_after_login(built):
    wh, _, _ = built
    bob = customer_of(wh, "email", BOB)
    rows = wh.query("""
        select touchpoint_id, customer_id from marts.fct_touchpoints
        where touchpoint_id in ('web:w7', 'web:w8', 'cart:CART2') order by 1""")
    assert rows == [("cart:CART2", bob), ("web:w7", bob), ("web:w8", bob)]
    # 23:50 and 00:10 are one session across midnight; the login a week later is another
    sessions = wh.query("select view_count, customer_id from marts.fct_sessions where visitor_id = 'K2' order by started_at")
    assert sessions == [(2, bob), (0, bob)]


def test_return_zeroes_revenue(built):
    wh, _, _ = built
    assert wh.query("select status, gross_amount, net_amount from marts.fct_orders where order_id = 'O1'") == [
        ("returned", 100.0, 0.0)]
    assert wh.query("select revenue from marts.fct_touchpoints where touchpoint_id = 'order:O1'") == [(0.0,)]


def test_erased_person_leaves_every_journey_mart(built):
    wh, _, _ = built
    assert wh.query(f"select count(*) from marts.fct_touchpoints where source_identifier_value = '{CARA}'") == [(0,)]


def test_export_behind_the_lookback_is_counted_then_recovered_by_full_refresh(built):
    wh, _, _ = built
    # after day 8 was built: a web export for day 2 shows up (web already has day 7, more than 3 export
    # days later), and care, silent since day 3, catches up with its day 4 export
    wh.load("web__events", D[2], [web("w11", "K3", "page_view", f"{D[2]} 12:00:00", url="/home")],
            loaded_at=f"{D[9]} 03:00:00")
    wh.load("care__tickets", D[4], [{"ticket_id": "T2", "channel": "email", "contact_email": ANN,
                                     "opened_at": f"{D[4]} 09:00:00"}], loaded_at=f"{D[9]} 03:00:00")
    wh.build_journeys()
    present = "select touchpoint_id from marts.fct_touchpoints where touchpoint_id in ('web:w11', 'care:T2')"
    assert wh.query(present) == [("care:T2",)]  # the lookback is per source: a stalled source is not skipped
    late = wh.query("""
        select source, export_date, rows_beyond_lookback from intermediate.int_journey__late_events
        where is_beyond_lookback""")
    assert [(s, str(d), n) for s, d, n in late] == [("web", D[2], 1)]
    wh.build_journeys("--full-refresh")
    assert sorted(wh.query(present)) == [("care:T2",), ("web:w11",)]


def test_journey_unit_tests_pass(built):
    wh, _, _ = built
    result = wh.dbt("test", "--select", "tag:journeys,test_type:unit")  # fails the test on any failure
    for model in ("int_journey__sessions", "int_journey__touchpoints", "fct_order_attribution", "fct_journey_stages"):
        assert f"unit_test {model}::" in result.stdout


def last_batch(wh, model):
    return wh.query(f"""
        select mode, rows_processed from audit.incremental_batches where model = '{model}'
        order by recorded_at desc limit 1""")[0]


def test_journey_stages_rebuild_only_customers_whose_inputs_changed(built):
    """A run with nothing new rebuilds no customer's stages; moving as_of_date past the churn window
    rebuilds exactly the customers with purchases (they lapse, with no new data), as a full build would."""
    wh, _, _ = built
    wh.build_journeys()
    assert last_batch(wh, "fct_journey_stages") == ("incremental", 0)

    later = '{"as_of_date": "2025-12-31"}'  # more than churn_after_days after every purchase
    wh.build_journeys(vars=later)
    buyers_rows = wh.query("""
        select count(*) from marts.fct_journey_stages
        where customer_id in (select customer_id from marts.fct_orders where customer_order_number is not null)""")[0][0]
    assert last_batch(wh, "fct_journey_stages") == ("incremental", buyers_rows)
    incremental = wh.table("marts.fct_journey_stages", "customer_id, stage")
    assert any(stage == "lapsed" for _, stage, *_ in incremental)
    wh.build_journeys("--full-refresh", vars=later)
    assert wh.table("marts.fct_journey_stages", "customer_id, stage") == incremental
