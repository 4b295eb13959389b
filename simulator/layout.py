"""What the simulated source systems export: entities, columns, file formats.

The simulator is usable on its own, so it carries its own copy of the landing contract's shape;
tests/unit/simulator cross-checks it against orchestration/landing/contract.py.
Column kinds: str, ts (UTC), lts (store-local, no offset), date, int, float, bool.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Col:
    name: str
    kind: str = "str"
    required: bool = False
    values: tuple[str, ...] | None = None
    min: float | None = None
    max: float | None = None


@dataclass(frozen=True)
class Spec:
    source: str
    entity: str
    columns: tuple[Col, ...]
    key: tuple[str, ...]
    event_time: str | None = None
    fmt: str = "csv"  # csv | csv.gz | parquet

    @property
    def name(self) -> str:
        return f"{self.source}/{self.entity}"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def col(self, name: str) -> Col:
        return next(c for c in self.columns if c.name == name)


def _r(name, kind="str", **kw):
    return Col(name, kind, True, **kw)


MAX_AMOUNT = 100_000.0
AMOUNT = {"min": 0.0, "max": MAX_AMOUNT}
WEB_EVENT_TYPES = (
    "page_view",
    "page_ping",
    "add_to_cart",
    "remove_from_cart",
    "login",
    "logout",
    "search",
    "checkout",
)
APP_EVENT_TYPES = (
    "app_open",
    "screen_view",
    "foreground_ping",
    "background",
    "add_to_cart",
    "login",
    "logout",
    "checkout",
    "push_open",
)
EMAIL_EVENT_TYPES = ("sent", "delivered", "open", "click", "bounce", "unsubscribe", "complaint")
PURPOSES = ("marketing", "profiling", "personalisation")
CONSENT_CHANNELS = ("email", "sms", "push", "ads")
ORDER_STATUSES = ("placed", "cancelled", "returned")
CARD_STATUSES = ("active", "blocked", "expired")
POINT_REASONS = ("earn", "redeem", "expire", "adjust")
CARE_CHANNELS = ("email", "chat", "phone", "social")
# one entity carries a column outside the contract, to prove extras are tolerated
EXTRA_COLUMN = ("crm/customers", "loyalty_opt_in_source")

SPECS: tuple[Spec, ...] = (
    Spec(
        "crm",
        "customers",
        (
            _r("crm_customer_id"),
            Col("first_name"),
            Col("last_name"),
            Col("email"),
            Col("phone"),
            Col("birth_date", "date"),
            Col("street"),
            Col("postcode"),
            Col("city"),
            Col("country"),
            Col("created_at", "ts"),
            _r("updated_at", "ts"),
            Col("loyalty_opt_in_source"),
        ),
        key=("crm_customer_id",),
        event_time="updated_at",
    ),
    Spec(
        "crm",
        "consents",
        (
            _r("crm_customer_id"),
            _r("purpose", values=PURPOSES),
            _r("channel", values=CONSENT_CHANNELS),
            _r("granted", "bool"),
            _r("recorded_at", "ts"),
        ),
        key=("crm_customer_id", "purpose", "channel", "recorded_at"),
        event_time="recorded_at",
    ),
    Spec(
        "crm",
        "erasure_requests",
        (
            Col("crm_customer_id"),
            Col("email"),
            _r("requested_at", "ts"),
        ),
        key=("crm_customer_id", "email", "requested_at"),
        event_time="requested_at",
    ),
    Spec(
        "shop",
        "accounts",
        (
            _r("shop_account_id"),
            Col("email"),
            Col("first_name"),
            Col("last_name"),
            Col("phone"),
            _r("created_at", "ts"),
        ),
        key=("shop_account_id",),
        event_time="created_at",
    ),
    Spec(
        "shop",
        "orders",
        (
            _r("order_id"),
            Col("shop_account_id"),
            Col("guest_email"),
            _r("ordered_at", "ts"),
            _r("status", values=ORDER_STATUSES),
            _r("order_total", "float", **AMOUNT),
            Col("currency"),
            Col("device_channel", values=("web", "app")),
        ),
        key=("order_id", "status"),
        event_time="ordered_at",
    ),
    Spec(
        "shop",
        "order_lines",
        (
            _r("order_id"),
            _r("line_number", "int", min=1),
            _r("sku"),
            _r("quantity", "int", min=1, max=1000),
            _r("unit_price", "float", **AMOUNT),
        ),
        key=("order_id", "line_number"),
    ),
    Spec(
        "shop",
        "carts",
        (
            _r("cart_id"),
            Col("shop_account_id"),
            Col("anonymous_id"),
            _r("created_at", "ts"),
            Col("last_activity_at", "ts"),
            Col("cart_value", "float", **AMOUNT),
            Col("order_id"),
        ),
        key=("cart_id",),
        event_time="created_at",
    ),
    Spec(
        "shop",
        "products",
        (
            _r("sku"),
            Col("product_name"),
            Col("category"),
            Col("list_price", "float", **AMOUNT),
            Col("currency"),
        ),
        key=("sku",),
    ),
    Spec(
        "web",
        "events",
        (
            _r("event_id"),
            _r("anonymous_id"),
            Col("shop_account_id"),
            _r("event_type", values=WEB_EVENT_TYPES),
            Col("page_url"),
            _r("occurred_at", "ts"),
            Col("received_at", "ts"),
        ),
        key=("event_id",),
        event_time="occurred_at",
        fmt="csv.gz",
    ),
    Spec(
        "app",
        "events",
        (
            _r("event_id"),
            _r("device_id"),
            Col("app_user_id"),
            Col("platform", values=("ios", "android")),
            _r("event_type", values=APP_EVENT_TYPES),
            _r("occurred_at", "ts"),
            Col("received_at", "ts"),
        ),
        key=("event_id",),
        event_time="occurred_at",
        fmt="csv.gz",
    ),
    Spec(
        "pos",
        "stores",
        (
            _r("store_id"),
            Col("city"),
            Col("country"),
            _r("timezone"),
        ),
        key=("store_id",),
    ),
    Spec(
        "pos",
        "transactions",
        (
            _r("transaction_id"),
            _r("store_id"),
            Col("loyalty_card_number"),
            _r("transacted_at", "lts"),
            _r("total_amount", "float", **AMOUNT),
            Col("currency"),
        ),
        key=("transaction_id",),
        event_time="transacted_at",
    ),
    Spec(
        "pos",
        "transaction_lines",
        (
            _r("transaction_id"),
            _r("line_number", "int", min=1),
            _r("sku"),
            _r("quantity", "int", min=1, max=1000),
            _r("unit_price", "float", **AMOUNT),
        ),
        key=("transaction_id", "line_number"),
    ),
    Spec(
        "loyalty",
        "cards",
        (
            _r("loyalty_card_number"),
            Col("crm_customer_id"),
            Col("email"),
            Col("phone"),
            _r("issued_at", "ts"),
            Col("status", values=CARD_STATUSES),
            Col("first_name"),
            Col("last_name"),
            Col("postcode"),
        ),
        key=("loyalty_card_number",),
        event_time="issued_at",
        fmt="parquet",
    ),
    Spec(
        "loyalty",
        "points",
        (
            _r("entry_id"),
            _r("loyalty_card_number"),
            _r("points", "int", min=-100_000, max=100_000),
            _r("reason", values=POINT_REASONS),
            _r("occurred_at", "ts"),
        ),
        key=("entry_id",),
        event_time="occurred_at",
        fmt="parquet",
    ),
    Spec(
        "email",
        "events",
        (
            _r("event_id"),
            _r("email"),
            Col("campaign_id"),
            _r("event_type", values=EMAIL_EVENT_TYPES),
            _r("occurred_at", "ts"),
        ),
        key=("event_id",),
        event_time="occurred_at",
    ),
    Spec(
        "care",
        "tickets",
        (
            _r("ticket_id"),
            _r("channel", values=CARE_CHANNELS),
            Col("contact_email"),
            Col("contact_phone"),
            Col("social_handle"),
            _r("opened_at", "ts"),
            Col("first_response_at", "ts"),
            Col("resolved_at", "ts"),
            Col("csat_score", "int", min=1, max=5),
        ),
        key=("ticket_id",),
        event_time="opened_at",
    ),
    Spec(
        "survey",
        "nps_responses",
        (
            Col("crm_customer_id"),
            Col("email"),
            _r("response_id"),
            _r("score", "int", min=0, max=10),
            _r("answered_at", "ts"),
            Col("comment"),
        ),
        key=("response_id",),
        event_time="answered_at",
    ),
    Spec(
        "reviews",
        "reviews",
        (
            _r("review_id"),
            Col("shop_account_id"),
            Col("email"),
            _r("sku"),
            _r("rating", "int", min=1, max=5),
            _r("submitted_at", "ts"),
            Col("review_text"),
        ),
        key=("review_id",),
        event_time="submitted_at",
    ),
)

BY_NAME: dict[str, Spec] = {s.name: s for s in SPECS}
