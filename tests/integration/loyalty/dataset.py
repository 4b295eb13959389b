"""A small hand-made landing population for the loyalty marts, written straight into raw tables.

People (crm id / what they exercise):
    C1 alice  shop account A1 + loyalty card L1 (store S1, Leeds, her city); buys online and in store;
              marketing email + sms consent; NPS 10 in June; care tickets; web sessions in June
    C2 bob    three online orders; marketing email granted in January, revoked 2025-06-10
    C3 carol  orders, then an erasure request: must vanish from every customer-level mart
    C4 dan    guest orders by email; marketing sms consent only
    C5 eve    an abandoned cart on 2025-06-27; marketing push consent
    C6 frank  one order, no consent at all
    C7 heidi  one order on 2024-10-01: churns on 2025-03-31 (180 days without a purchase)
Data after 2025-06-30 exists (an order on 2025-07-05) and must be ignored when as_of_date = 2025-06-30.
"""

from __future__ import annotations

import datetime as dt

import duckdb

from orchestration.landing.contract import BY_TABLE, ENTITIES, RAW_METADATA_COLUMNS, raw_table_ddl

AS_OF = "2025-06-30"
EARLY_AS_OF = "2025-03-31"

CUSTOMERS = [
    # crm_customer_id, first, last, email, phone, birth_date, city
    ("C1", "Alice", "A", "alice@example.com", "+447700900001", "1990-06-15", "Leeds"),
    ("C2", "Bob", "B", "bob@example.com", "+447700900002", "1985-01-20", "York"),
    ("C3", "Carol", "C", "carol@example.com", "+447700900003", "1970-06-01", "Leeds"),
    ("C4", "Dan", "D", "dan@example.com", "+447700900004", "1999-02-02", "Hull"),
    ("C5", "Eve", "E", "eve@example.com", None, "2000-03-03", "Leeds"),
    ("C6", "Frank", "F", "frank@example.com", None, "1960-07-07", "Leeds"),
    ("C7", "Heidi", "H", "heidi@example.com", None, "1980-08-08", "York"),
]

ROWS: dict[str, list[dict]] = {
    "crm__customers": [
        dict(crm_customer_id=c, first_name=f, last_name=l, email=e, phone=p, birth_date=b, city=city,
             country="GB", created_at="2024-09-01 00:00:00", updated_at="2024-09-01 00:00:00")
        for c, f, l, e, p, b, city in CUSTOMERS
    ],
    "crm__consents": [
        dict(crm_customer_id="C1", purpose="marketing", channel="email", granted=True, recorded_at="2025-01-01 10:00:00"),
        dict(crm_customer_id="C1", purpose="marketing", channel="sms", granted=True, recorded_at="2025-01-01 10:00:00"),
        dict(crm_customer_id="C1", purpose="profiling", channel="email", granted=True, recorded_at="2025-01-01 10:00:00"),
        dict(crm_customer_id="C2", purpose="marketing", channel="email", granted=True, recorded_at="2025-01-01 10:00:00"),
        dict(crm_customer_id="C2", purpose="marketing", channel="email", granted=False, recorded_at="2025-06-10 10:00:00"),
        dict(crm_customer_id="C3", purpose="marketing", channel="email", granted=True, recorded_at="2025-01-01 10:00:00"),
        dict(crm_customer_id="C4", purpose="marketing", channel="sms", granted=True, recorded_at="2025-01-01 10:00:00"),
        dict(crm_customer_id="C5", purpose="marketing", channel="push", granted=True, recorded_at="2025-01-01 10:00:00"),
        dict(crm_customer_id="C7", purpose="marketing", channel="email", granted=True, recorded_at="2024-09-01 10:00:00"),
    ],
    "crm__erasure_requests": [dict(crm_customer_id="C3", requested_at="2025-05-01 09:00:00")],
    "shop__accounts": [
        dict(shop_account_id="A1", email="alice@example.com", created_at="2024-12-01 00:00:00"),
        dict(shop_account_id="A2", email="bob@example.com", created_at="2024-12-01 00:00:00"),
        dict(shop_account_id="A3", email="carol@example.com", created_at="2024-12-01 00:00:00"),
        dict(shop_account_id="A5", email="eve@example.com", created_at="2024-12-01 00:00:00"),
        dict(shop_account_id="A6", email="frank@example.com", created_at="2024-12-01 00:00:00"),
        dict(shop_account_id="A7", email="heidi@example.com", created_at="2024-09-01 00:00:00"),
    ],
    "shop__orders": [
        dict(order_id="O1", shop_account_id="A1", ordered_at="2025-01-05 12:00:00", status="placed", order_total=100.0),
        dict(order_id="O2", shop_account_id="A1", ordered_at="2025-02-10 12:00:00", status="placed", order_total=50.0),
        dict(order_id="O3", shop_account_id="A1", ordered_at="2025-06-20 12:00:00", status="placed", order_total=80.0),
        dict(order_id="O4", shop_account_id="A2", ordered_at="2025-01-10 12:00:00", status="placed", order_total=200.0),
        dict(order_id="O5", shop_account_id="A2", ordered_at="2025-01-20 12:00:00", status="placed", order_total=100.0),
        dict(order_id="O6", shop_account_id="A2", ordered_at="2025-03-15 12:00:00", status="placed", order_total=300.0),
        dict(order_id="O7", shop_account_id="A2", ordered_at="2025-04-01 12:00:00", status="cancelled", order_total=999.0),
        dict(order_id="O8", shop_account_id="A3", ordered_at="2025-02-01 12:00:00", status="placed", order_total=75.0),
        dict(order_id="O9", guest_email="dan@example.com", ordered_at="2025-06-28 12:00:00", status="placed", order_total=60.0),
        dict(order_id="O10", shop_account_id="A6", ordered_at="2025-02-01 12:00:00", status="placed", order_total=20.0),
        dict(order_id="O11", shop_account_id="A7", ordered_at="2024-10-01 12:00:00", status="placed", order_total=70.0),
        dict(order_id="O12", shop_account_id="A1", ordered_at="2025-07-05 12:00:00", status="placed", order_total=500.0),
    ],
    "shop__carts": [
        dict(cart_id="K1", shop_account_id="A5", created_at="2025-06-26 10:00:00",
             last_activity_at="2025-06-27 10:00:00", cart_value=45.0),
    ],
    "pos__stores": [dict(store_id="S1", city="Leeds", country="GB", timezone="Europe/London")],
    "pos__transactions": [
        # store-local times (BST in June): 13:00 local = 12:00 UTC
        dict(transaction_id="P1", store_id="S1", loyalty_card_number="L1", transacted_at="2025-03-03 13:00:00",
             total_amount=30.0),
        dict(transaction_id="P2", store_id="S1", loyalty_card_number="L1", transacted_at="2025-06-25 13:00:00",
             total_amount=40.0),
    ],
    "loyalty__cards": [dict(loyalty_card_number="L1", crm_customer_id="C1", issued_at="2024-12-01 00:00:00")],
    "loyalty__points": [
        dict(entry_id="E1", loyalty_card_number="L1", points=3000, reason="earn", occurred_at="2025-03-03 13:00:00"),
        dict(entry_id="E2", loyalty_card_number="L1", points=-500, reason="redeem", occurred_at="2025-04-01 13:00:00"),
        dict(entry_id="E3", loyalty_card_number="L1", points=4000, reason="earn", occurred_at="2025-06-25 13:00:00"),
    ],
    "email__events": [
        dict(event_id=f"M{i}", email=e, campaign_id=c, event_type=t, occurred_at=at)
        for i, (e, c, t, at) in enumerate([
            ("alice@example.com", "CMP1", "sent", "2025-05-10 08:00:00"),
            ("bob@example.com", "CMP1", "sent", "2025-05-10 08:00:00"),
            ("heidi@example.com", "CMP1", "sent", "2025-05-10 08:00:00"),
            ("alice@example.com", "CMP1", "open", "2025-05-10 09:00:00"),
            ("alice@example.com", "CMP1", "click", "2025-05-10 09:01:00"),
            ("bob@example.com", "CMP1", "unsubscribe", "2025-05-11 09:00:00"),
            ("alice@example.com", "CMP2", "sent", "2025-06-25 08:00:00"),
            ("alice@example.com", "CMP3", "sent", "2025-06-28 08:00:00"),
        ])
    ],
    "care__tickets": [
        # Mon 16:30 -> Tue 09:20: 30 + 20 = 50 business minutes: within the 60-minute target
        dict(ticket_id="T1", channel="email", contact_email="alice@example.com", opened_at="2025-06-02 16:30:00",
             first_response_at="2025-06-03 09:20:00"),
        # Fri 16:50 -> Mon 10:00: 10 + 60 = 70: breached
        dict(ticket_id="T2", channel="chat", contact_email="alice@example.com", opened_at="2025-06-06 16:50:00",
             first_response_at="2025-06-09 10:00:00"),
        # Sat -> Tue 09:30, Monday 5 May a bank holiday: 30: within
        dict(ticket_id="T3", channel="email", contact_email="bob@example.com", opened_at="2025-05-03 11:00:00",
             first_response_at="2025-05-06 09:30:00"),
        # Mon 30 June 16:45, no answer by the end of as_of_date: 15 minutes, pending
        dict(ticket_id="T4", channel="phone", contact_phone="+447700900004", opened_at="2025-06-30 16:45:00"),
    ],
    "survey__nps_responses": [
        dict(response_id="N1", crm_customer_id="C1", score=10, answered_at="2025-06-01 10:00:00"),
        dict(response_id="N2", email="bob@example.com", score=3, answered_at="2025-06-02 10:00:00"),
        dict(response_id="N3", score=8, answered_at="2025-06-03 10:00:00"),
        dict(response_id="N4", crm_customer_id="C2", score=9, answered_at="2025-03-01 10:00:00"),
    ],
    "web__events": [
        dict(event_id=f"W{i}", anonymous_id="ck-alice", shop_account_id="A1", event_type=t, occurred_at=at)
        for i, (t, at) in enumerate(
            [("login", "2025-06-20 11:00:00")] + [("page_ping", f"2025-06-20 11:{m:02d}:00") for m in range(1, 13)]
        )
    ],
}


def load_raw(con: duckdb.DuckDBPyConnection) -> None:
    """Create every raw table of the landing contract and insert the rows above."""
    con.execute("create schema if not exists raw")
    for entity in ENTITIES:
        con.execute(raw_table_ddl(entity))
    loaded_at = dt.datetime(2025, 7, 6)
    for table, rows in ROWS.items():
        entity = BY_TABLE[table]
        columns = entity.column_names + [name for name, _ in RAW_METADATA_COLUMNS]
        for line, row in enumerate(rows, start=1):
            event_time = row.get(entity.event_time) if entity.event_time else None
            export_date = str(event_time)[:10] if event_time else "2025-07-06"
            values = [row.get(c) for c in entity.column_names] + [
                None, f"{entity.source}/{entity.name}/{export_date}.csv", line, export_date, loaded_at]
            placeholders = ", ".join("?" for _ in columns)
            con.execute(f"insert into raw.{table} ({', '.join(columns)}) values ({placeholders})", values)
