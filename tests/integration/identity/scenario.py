"""Hand-made source rows for the identity integration tests: a few people, each a case to notice.

ann   CRM + shop account + cookie login + loyalty card + till receipts; shares a landline with bob
bob   CRM only, same landline as ann: must stay a separate customer
cy/di two CRM customers who typed test@example.com: must stay separate
eve   a CRM customer and (apparently) someone else's shop account, until stage 2 brings a loyalty
      card carrying both: they merge and the CRM customer's older id survives
fay   CRM + shop account, asked to be erased: absent from every mart
hal   CRM + shop account sharing office@corp.co; in stage 2 five colleagues register with the same
      address, it becomes shared, is cut, and hal splits: the CRM part (oldest) keeps the id
"""

AS_OF_DATE = "2024-06-30"
LANDLINE = "0113 496 0001"  # +441134960001

STAGE_1 = {
    "crm__customers": [
        {"crm_customer_id": "C1", "first_name": "Ann", "last_name": "Lee", "email": "ann@x.io", "phone": LANDLINE,
             "birth_date": "1980-02-03", "street": "1 High St", "postcode": "ls1 1aa", "city": "Leeds", "country": "gb",
             "created_at": "2020-01-01 09:00:00", "updated_at": "2024-01-01 09:00:00"},
        {"crm_customer_id": "C2", "first_name": "Bob", "last_name": "Lee", "email": "bob@x.io", "phone": LANDLINE,
             "created_at": "2020-06-01 09:00:00", "updated_at": "2024-01-01 09:00:00"},
        {"crm_customer_id": "C3", "first_name": "Cy", "last_name": "Test", "email": "test@example.com",
             "created_at": "2021-01-01 09:00:00", "updated_at": "2024-01-01 09:00:00"},
        {"crm_customer_id": "C4", "first_name": "Di", "last_name": "Test", "email": " TEST@example.com",
             "created_at": "2021-02-01 09:00:00", "updated_at": "2024-01-01 09:00:00"},
        {"crm_customer_id": "C5", "first_name": "Eve", "last_name": "West", "email": "eve.w@x.io",
             "created_at": "2019-05-01 09:00:00", "updated_at": "2024-01-01 09:00:00"},
        {"crm_customer_id": "C6", "first_name": "Fay", "last_name": "Gone", "email": "fay@x.io",
             "created_at": "2021-03-01 09:00:00", "updated_at": "2024-01-01 09:00:00"},
        {"crm_customer_id": "C7", "first_name": "Hal", "last_name": "Office", "email": "office@corp.co",
             "created_at": "2019-01-01 09:00:00", "updated_at": "2024-01-01 09:00:00"},
    ],
    "shop__accounts": [
        {"shop_account_id": "S1", "email": "ANN@x.io ", "first_name": "Annie", "last_name": "Lee", "created_at": "2022-01-01 10:00:00"},
        {"shop_account_id": "S5", "email": "eve@x.io", "first_name": "Eve", "created_at": "2023-01-01 10:00:00"},
        {"shop_account_id": "S6", "email": "fay@x.io", "created_at": "2022-03-01 10:00:00"},
        {"shop_account_id": "S7", "email": "office@corp.co", "first_name": "Hal", "created_at": "2023-03-01 10:00:00"},
    ],
    "shop__orders": [
        {"order_id": "O1", "shop_account_id": "S1", "ordered_at": "2024-05-02 12:00:00", "status": "placed", "order_total": 30.0},
        {"order_id": "O2", "guest_email": "test@example.com", "ordered_at": "2024-05-03 12:00:00", "status": "placed", "order_total": 10.0},
        {"order_id": "O5", "shop_account_id": "S5", "ordered_at": "2024-05-04 12:00:00", "status": "placed", "order_total": 50.0},
    ],
    "web__events": [
        {"event_id": "E1", "anonymous_id": "A1", "event_type": "page_view", "occurred_at": "2024-05-01 09:59:00"},
        {"event_id": "E2", "anonymous_id": "A1", "shop_account_id": "S1", "event_type": "login", "occurred_at": "2024-05-01 10:00:00"},
        {"event_id": "E9", "anonymous_id": "A9", "event_type": "page_view", "occurred_at": "2024-05-01 11:00:00"},
    ],
    "loyalty__cards": [
        {"loyalty_card_number": "LC-0001", "crm_customer_id": "C1", "email": "ann@x.io", "issued_at": "2021-01-01 10:00:00"},
    ],
    "pos__stores": [
        {"store_id": "ST1", "city": "Leeds", "country": "GB", "timezone": "Europe/London"},
        {"store_id": "ST2", "city": "York", "country": "GB", "timezone": "Europe/London"},
    ],
    "pos__transactions": [
        {"transaction_id": "T1", "store_id": "ST1", "loyalty_card_number": "LC0001", "transacted_at": "2024-03-01 10:00:00", "total_amount": 10.0},
        {"transaction_id": "T2", "store_id": "ST1", "loyalty_card_number": "LC0001", "transacted_at": "2024-03-08 10:00:00", "total_amount": 12.0},
        {"transaction_id": "T3", "store_id": "ST2", "loyalty_card_number": "LC0001", "transacted_at": "2024-04-01 10:00:00", "total_amount": 8.0},
        {"transaction_id": "T4", "store_id": "ST2", "loyalty_card_number": "STOREDEFAULT01", "transacted_at": "2024-04-01 11:00:00", "total_amount": 5.0},
    ],
    "crm__consents": [
        {"crm_customer_id": "C1", "purpose": "marketing", "channel": "email", "granted": True, "recorded_at": "2024-01-01 09:00:00"},
        {"crm_customer_id": "C1", "purpose": "marketing", "channel": "email", "granted": False, "recorded_at": "2024-06-01 09:00:00"},
        {"crm_customer_id": "C1", "purpose": "marketing", "channel": "sms", "granted": True, "recorded_at": "2024-02-01 09:00:00"},
        # after as_of_date: not yet in force
        {"crm_customer_id": "C1", "purpose": "marketing", "channel": "push", "granted": True, "recorded_at": "2024-07-15 09:00:00"},
    ],
    "crm__erasure_requests": [
        {"email": "Fay@x.io", "requested_at": "2024-05-01 09:00:00"},
    ],
}

STAGE_2 = {
    "loyalty__cards": [
        {"loyalty_card_number": "LC-0005", "crm_customer_id": "C5", "email": "eve@x.io", "issued_at": "2024-06-10 10:00:00"},
    ],
    "crm__customers": [
        {"crm_customer_id": f"C7{n}", "first_name": f"Colleague{n}", "email": "office@corp.co",
             "created_at": "2024-06-01 09:00:00", "updated_at": "2024-06-01 09:00:00"}
        for n in range(1, 6)
    ],
}
