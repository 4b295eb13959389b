"""A small hand-made landing population for the loyalty marts, written straight into raw tables.

People (crm id / what they exercise):
    C1 alice  shop account A1 + loyalty card L1 (store S1, Leeds, her city); buys online and in store;
              marketing email + sms consent; NPS 10 in June; care tickets; web sessions in June
    C2 bob    three online orders; marketing email granted in January, revoked 2025-06-10
    C3 carol  an order in February, then an erasure request on 2025-03-20: must vanish from every customer-level
              mart, in the June build and in the rebuild as of 2025-03-31 (identity applies a request from its
              requested_at on, so the request predates both as_of dates); her NPS answer, email and care
              ticket must leave the monthly KPIs too
    C4 dan    guest orders by email; marketing sms consent only
    C5 eve    an abandoned cart on 2025-06-27; marketing push consent
    C6 frank  one order, no consent at all
    C7 heidi  one order on 2024-10-01: churns on 2025-03-31 (180 days without a purchase)
Data after 2025-06-30 exists (an order on 2025-07-05) and must be ignored when as_of_date = 2025-06-30.

Identity is real: a person's records link only through identity's edges (CRM customer: crm id-email-phone;
shop account: account-email; loyalty card: card-crm id; ...), so every shop account, guest order, email
event and care ticket shares an email or phone with its owner's CRM record. Emails use the x.io domain,
not example.com, which seeds/identity_junk_blocklist.csv blocks (a blocked email links nobody).
Customer ids are hashes: tests look them up by crm id in marts.bdg_customer_identifiers.
"""

from __future__ import annotations

import datetime as dt

import duckdb

from customer360.landing.contract import BY_TABLE, ENTITIES, RAW_METADATA_COLUMNS, raw_table_ddl

AS_OF = "2025-06-30"
EARLY_AS_OF = "2025-03-31"

CUSTOMERS = [
    # crm_customer_id, first, last, email, phone, birth_date, city
    ("C1", "Alice", "A", "alice@x.io", "+447700900001", "1990-06-15", "Leeds"),
    ("C2", "Bob", "B", "bob@x.io", "+447700900002", "1985-01-20", "York"),
    ("C3", "Carol", "C", "carol@x.io", "+447700900003", "1970-06-01", "Leeds"),
    ("C4", "Dan", "D", "dan@x.io", "+447700900004", "1999-02-02", "Hull"),
    ("C5", "Eve", "E", "eve@x.io", None, "2000-03-03", "Leeds"),
    ("C6", "Frank", "F", "frank@x.io", None, "1960-07-07", "Leeds"),
    ("C7", "Heidi", "H", "heidi@x.io", None, "1980-08-08", "York"),
]

def _rows(columns: str, *values: tuple) -> list[dict]:
    names = columns.split()
    return [dict(zip(names, row, strict=True)) for row in values]


JAN1 = "2025-01-01 10:00:00"

ROWS: dict[str, list[dict]] = {
    "crm__customers": [
        {"crm_customer_id": c, "first_name": f, "last_name": last, "email": e, "phone": p, "birth_date": b,
         "city": city, "country": "GB", "created_at": "2024-09-01 00:00:00", "updated_at": "2024-09-01 00:00:00"}
        for c, f, last, e, p, b, city in CUSTOMERS
    ],
    "crm__consents": _rows(
        "crm_customer_id purpose channel granted recorded_at",
        ("C1", "marketing", "email", True, JAN1),
        ("C1", "marketing", "sms", True, JAN1),
        ("C1", "profiling", "email", True, JAN1),
        ("C2", "marketing", "email", True, JAN1),
        ("C2", "marketing", "email", False, "2025-06-10 10:00:00"),
        ("C3", "marketing", "email", True, JAN1),
        ("C4", "marketing", "sms", True, JAN1),
        ("C5", "marketing", "push", True, JAN1),
        ("C7", "marketing", "email", True, "2024-09-01 10:00:00"),
    ),
    "crm__erasure_requests": _rows("crm_customer_id requested_at", ("C3", "2025-03-20 09:00:00")),
    "shop__accounts": _rows(
        "shop_account_id email created_at",
        ("A1", "alice@x.io", "2024-12-01 00:00:00"),
        ("A2", "bob@x.io", "2024-12-01 00:00:00"),
        ("A3", "carol@x.io", "2024-12-01 00:00:00"),
        ("A5", "eve@x.io", "2024-12-01 00:00:00"),
        ("A6", "frank@x.io", "2024-12-01 00:00:00"),
        ("A7", "heidi@x.io", "2024-09-01 00:00:00"),
    ),
    "shop__orders": _rows(
        "order_id shop_account_id guest_email ordered_at status order_total",
        ("O1", "A1", None, "2025-01-05 12:00:00", "placed", 100.0),
        ("O2", "A1", None, "2025-02-10 12:00:00", "placed", 50.0),
        ("O3", "A1", None, "2025-06-20 12:00:00", "placed", 80.0),
        ("O4", "A2", None, "2025-01-10 12:00:00", "placed", 200.0),
        ("O5", "A2", None, "2025-01-20 12:00:00", "placed", 100.0),
        ("O6", "A2", None, "2025-03-15 12:00:00", "placed", 300.0),
        ("O7", "A2", None, "2025-04-01 12:00:00", "cancelled", 999.0),
        ("O8", "A3", None, "2025-02-01 12:00:00", "placed", 75.0),
        ("O9", None, "dan@x.io", "2025-06-28 12:00:00", "placed", 60.0),
        ("O10", "A6", None, "2025-02-01 12:00:00", "placed", 20.0),
        ("O11", "A7", None, "2024-10-01 12:00:00", "placed", 70.0),
        ("O12", "A1", None, "2025-07-05 12:00:00", "placed", 500.0),  # after as_of_date
    ),
    "shop__carts": _rows(
        "cart_id shop_account_id created_at last_activity_at cart_value",
        ("K1", "A5", "2025-06-26 10:00:00", "2025-06-27 10:00:00", 45.0),
    ),
    "pos__stores": _rows("store_id city country timezone", ("S1", "Leeds", "GB", "Europe/London")),
    # store-local times (BST in June): 13:00 local = 12:00 UTC
    "pos__transactions": _rows(
        "transaction_id store_id loyalty_card_number transacted_at total_amount",
        ("P1", "S1", "L1", "2025-03-03 13:00:00", 30.0),
        ("P2", "S1", "L1", "2025-06-25 13:00:00", 40.0),
    ),
    "loyalty__cards": _rows("loyalty_card_number crm_customer_id issued_at", ("L1", "C1", "2024-12-01 00:00:00")),
    "loyalty__points": _rows(
        "entry_id loyalty_card_number points reason occurred_at",
        ("E1", "L1", 3000, "earn", "2025-03-03 13:00:00"),
        ("E2", "L1", -500, "redeem", "2025-04-01 13:00:00"),
        ("E3", "L1", 4000, "earn", "2025-06-25 13:00:00"),
    ),
    "email__events": _rows(
        "event_id email campaign_id event_type occurred_at",
        ("M0", "alice@x.io", "CMP1", "sent", "2025-05-10 08:00:00"),
        ("M1", "bob@x.io", "CMP1", "sent", "2025-05-10 08:00:00"),
        ("M2", "heidi@x.io", "CMP1", "sent", "2025-05-10 08:00:00"),
        ("M3", "alice@x.io", "CMP1", "open", "2025-05-10 09:00:00"),
        ("M4", "alice@x.io", "CMP1", "click", "2025-05-10 09:01:00"),
        ("M5", "bob@x.io", "CMP1", "unsubscribe", "2025-05-11 09:00:00"),
        ("M6", "alice@x.io", "CMP2", "sent", "2025-06-25 08:00:00"),
        ("M7", "alice@x.io", "CMP3", "sent", "2025-06-28 08:00:00"),
        ("M8", "carol@x.io", "CMP1", "sent", "2025-05-10 08:00:00"),  # erased
    ),
    "care__tickets": _rows(
        "ticket_id channel contact_email contact_phone opened_at first_response_at",
        # Mon 16:30 -> Tue 09:20: 30 + 20 = 50 business minutes: within the 60-minute target
        ("T1", "email", "alice@x.io", None, "2025-06-02 16:30:00", "2025-06-03 09:20:00"),
        # Fri 16:50 -> Mon 10:00: 10 + 60 = 70: breached
        ("T2", "chat", "alice@x.io", None, "2025-06-06 16:50:00", "2025-06-09 10:00:00"),
        # Sat -> Tue 09:30, Monday 5 May a bank holiday: 30: within
        ("T3", "email", "bob@x.io", None, "2025-05-03 11:00:00", "2025-05-06 09:30:00"),
        # Mon 30 June 16:45, no answer by the end of as_of_date: 15 minutes, pending
        ("T4", "phone", None, "+447700900004", "2025-06-30 16:45:00", None),
        ("T5", "email", "carol@x.io", None, "2025-06-03 10:00:00", "2025-06-03 10:10:00"),  # erased
    ),
    "survey__nps_responses": _rows(
        "response_id crm_customer_id email score answered_at",
        ("N1", "C1", None, 10, "2025-06-01 10:00:00"),
        ("N2", None, "bob@x.io", 3, "2025-06-02 10:00:00"),
        ("N3", None, None, 8, "2025-06-03 10:00:00"),
        ("N4", "C2", None, 9, "2025-03-01 10:00:00"),
        ("N5", "C3", None, 0, "2025-03-02 10:00:00"),  # erased
    ),
    # one session of Alice's: a login and 8 page pings 10 s apart (8 heartbeat buckets); fct_sessions counts
    # heartbeat_seconds x (buckets - 1) + minimum_visit_seconds = 10 x 7 + 5 = 75 s = 1.25 engaged minutes
    "web__events": _rows(
        "event_id anonymous_id shop_account_id event_type occurred_at",
        ("W0", "ck-alice", "A1", "login", "2025-06-20 11:00:00"),
        *((f"W{n}", "ck-alice", "A1", "page_ping", f"2025-06-20 11:{10 * n // 60:02d}:{10 * n % 60:02d}")
          for n in range(1, 9)),
    ),
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
