"""The landing contract: every source, entity and column a customer360 export may carry.

One place states it; ingest (typing and quarantine rules), the GX suites, the raw table DDL and the
docs all read it. docs/landing.md is the human version of the same table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# DuckDB types used in raw. Timestamps are stored as naive UTC (POS: naive store-local).
VARCHAR, TIMESTAMP, DATE, BIGINT, DOUBLE, BOOLEAN = "VARCHAR", "TIMESTAMP", "DATE", "BIGINT", "DOUBLE", "BOOLEAN"

MAX_AMOUNT = 100_000.0  # an order, line price or till total above this is absurd for a retailer
MAX_QUANTITY = 1_000


@dataclass(frozen=True)
class Column:
    name: str
    type: str = VARCHAR
    required: bool = False
    values: tuple[str, ...] | None = None  # allowed values (enums)
    min: float | None = None
    max: float | None = None
    pii: bool = False
    description: str = ""


@dataclass(frozen=True)
class Entity:
    source: str
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # unique within one export file; duplicates are quarantined
    event_time: str | None = None  # must not lie in the future of the export date
    one_of_required: tuple[str, ...] = ()  # at least one of these must be present
    description: str = ""
    local_time: bool = False  # event_time is store-local, not UTC (pos)
    freshness_days: int = 2  # an export older than this many days is stale

    @property
    def table(self) -> str:
        """Raw table name, also the dbt source identifier: raw.<source>__<entity>."""
        return f"{self.source}__{self.name}"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def required(self) -> list[str]:
        return [c.name for c in self.columns if c.required]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _c(name: str, type_: str = VARCHAR, **kw) -> Column:
    return Column(name, type_, **kw)


def _r(name: str, type_: str = VARCHAR, **kw) -> Column:
    return Column(name, type_, required=True, **kw)


AMOUNT = {"min": 0.0, "max": MAX_AMOUNT}
WEB_EVENT_TYPES = (
    "page_view", "page_ping", "add_to_cart", "remove_from_cart", "login", "logout", "search", "checkout",
)
APP_EVENT_TYPES = (
    "app_open", "screen_view", "foreground_ping", "background", "add_to_cart", "login", "logout",
    "checkout", "push_open",
)

ENTITIES: tuple[Entity, ...] = (
    Entity("crm", "customers", (
        _r("crm_customer_id"), _c("first_name", pii=True), _c("last_name", pii=True),
        _c("email", pii=True), _c("phone", pii=True), _c("birth_date", DATE, pii=True),
        _c("street", pii=True), _c("postcode"), _c("city"), _c("country"),
        _c("created_at", TIMESTAMP), _r("updated_at", TIMESTAMP),
    ), key=("crm_customer_id",), event_time="updated_at",
        description="CRM customer master; a changed customer is exported again with a newer updated_at."),
    Entity("crm", "consents", (
        _r("crm_customer_id"), _r("purpose", values=("marketing", "profiling", "personalisation")),
        _r("channel", values=("email", "sms", "push", "ads")), _r("granted", BOOLEAN),
        _r("recorded_at", TIMESTAMP),
    ), key=("crm_customer_id", "purpose", "channel", "recorded_at"), event_time="recorded_at",
        description="Consent events: the latest per customer, purpose and channel holds."),
    Entity("crm", "erasure_requests", (
        _c("crm_customer_id"), _c("email", pii=True), _r("requested_at", TIMESTAMP),
    ), key=("crm_customer_id", "email", "requested_at"), event_time="requested_at",
        one_of_required=("crm_customer_id", "email"),
        description="Right-to-erasure requests; the person disappears from every mart.", freshness_days=31),
    Entity("shop", "accounts", (
        _r("shop_account_id"), _c("email", pii=True), _c("first_name", pii=True), _c("last_name", pii=True),
        _c("phone", pii=True), _r("created_at", TIMESTAMP),
    ), key=("shop_account_id",), event_time="created_at", description="Web shop accounts."),
    Entity("shop", "orders", (
        _r("order_id"), _c("shop_account_id"), _c("guest_email", pii=True), _r("ordered_at", TIMESTAMP),
        _r("status", values=("placed", "cancelled", "returned")), _r("order_total", DOUBLE, **AMOUNT),
        _c("currency"), _c("device_channel", values=("web", "app")),
    ), key=("order_id", "status"), event_time="ordered_at",
        description="Online orders; a cancellation or return arrives as the same order_id with a new status."),
    Entity("shop", "order_lines", (
        _r("order_id"), _r("line_number", BIGINT, min=1), _r("sku"),
        _r("quantity", BIGINT, min=1, max=MAX_QUANTITY), _r("unit_price", DOUBLE, **AMOUNT),
    ), key=("order_id", "line_number"), description="Lines of online orders."),
    Entity("shop", "carts", (
        _r("cart_id"), _c("shop_account_id"), _c("anonymous_id"), _r("created_at", TIMESTAMP),
        _c("last_activity_at", TIMESTAMP), _c("cart_value", DOUBLE, **AMOUNT), _c("order_id"),
    ), key=("cart_id",), event_time="created_at", description="Shopping carts; order_id set once checked out."),
    Entity("shop", "products", (
        _r("sku"), _c("product_name"), _c("category"), _c("list_price", DOUBLE, **AMOUNT), _c("currency"),
    ), key=("sku",), freshness_days=400,
        description="Optional product catalogue: names, categories and list prices of the SKUs; the latest export "
                    "of a SKU holds. Without it dim_products still lists every SKU sold or reviewed."),
    Entity("web", "events", (
        _r("event_id"), _r("anonymous_id"), _c("shop_account_id"), _r("event_type", values=WEB_EVENT_TYPES),
        _c("page_url"), _r("occurred_at", TIMESTAMP), _c("received_at", TIMESTAMP),
    ), key=("event_id",), event_time="occurred_at",
        description="Web analytics events; page_ping is the heartbeat of an open page."),
    Entity("app", "events", (
        _r("event_id"), _r("device_id"), _c("app_user_id"), _c("platform", values=("ios", "android")),
        _r("event_type", values=APP_EVENT_TYPES), _r("occurred_at", TIMESTAMP), _c("received_at", TIMESTAMP),
    ), key=("event_id",), event_time="occurred_at",
        description="Mobile app events; app_user_id is the shop_account_id once logged in."),
    Entity("pos", "stores", (
        _r("store_id"), _c("city"), _c("country"), _r("timezone"),
    ), key=("store_id",), description="Physical stores and their IANA timezone.", freshness_days=400),
    Entity("pos", "transactions", (
        _r("transaction_id"), _r("store_id"), _c("loyalty_card_number"), _r("transacted_at", TIMESTAMP),
        _r("total_amount", DOUBLE, **AMOUNT), _c("currency"),
    ), key=("transaction_id",), event_time="transacted_at", local_time=True,
        description="Till transactions; transacted_at is store-local time."),
    Entity("pos", "transaction_lines", (
        _r("transaction_id"), _r("line_number", BIGINT, min=1), _r("sku"),
        _r("quantity", BIGINT, min=1, max=MAX_QUANTITY), _r("unit_price", DOUBLE, **AMOUNT),
    ), key=("transaction_id", "line_number"), description="Lines of till transactions."),
    Entity("loyalty", "cards", (
        _r("loyalty_card_number"), _c("crm_customer_id"), _c("email", pii=True), _c("phone", pii=True),
        _r("issued_at", TIMESTAMP), _c("status", values=("active", "blocked", "expired")),
        _c("first_name", pii=True), _c("last_name", pii=True), _c("postcode"),
    ), key=("loyalty_card_number",), event_time="issued_at", description="Loyalty cards.", freshness_days=31),
    Entity("loyalty", "points", (
        _r("entry_id"), _r("loyalty_card_number"), _r("points", BIGINT, min=-100_000, max=100_000),
        _r("reason", values=("earn", "redeem", "expire", "adjust")), _r("occurred_at", TIMESTAMP),
    ), key=("entry_id",), event_time="occurred_at", description="Loyalty point ledger entries."),
    Entity("email", "events", (
        _r("event_id"), _r("email", pii=True), _c("campaign_id"),
        _r("event_type", values=("sent", "delivered", "open", "click", "bounce", "unsubscribe", "complaint")),
        _r("occurred_at", TIMESTAMP),
    ), key=("event_id",), event_time="occurred_at", description="Email service provider events."),
    Entity("care", "tickets", (
        _r("ticket_id"), _r("channel", values=("email", "chat", "phone", "social")),
        _c("contact_email", pii=True), _c("contact_phone", pii=True), _c("social_handle", pii=True),
        _r("opened_at", TIMESTAMP), _c("first_response_at", TIMESTAMP), _c("resolved_at", TIMESTAMP),
        _c("csat_score", BIGINT, min=1, max=5),
    ), key=("ticket_id",), event_time="opened_at", description="Customer care tickets, social included."),
    Entity("survey", "nps_responses", (
        _c("crm_customer_id"), _c("email", pii=True), _r("response_id"), _r("score", BIGINT, min=0, max=10),
        _r("answered_at", TIMESTAMP), _c("comment"),
    ), key=("response_id",), event_time="answered_at", description="Net Promoter Score survey answers."),
    Entity("reviews", "reviews", (
        _r("review_id"), _c("shop_account_id"), _c("email", pii=True), _r("sku"),
        _r("rating", BIGINT, min=1, max=5), _r("submitted_at", TIMESTAMP), _c("review_text"),
    ), key=("review_id",), event_time="submitted_at", description="Product reviews."),
)

SOURCES: tuple[str, ...] = tuple(dict.fromkeys(e.source for e in ENTITIES))
BY_TABLE: dict[str, Entity] = {e.table: e for e in ENTITIES}

# Metadata columns ingest adds to every raw table, after the contract columns.
RAW_METADATA_COLUMNS: tuple[tuple[str, str], ...] = (
    ("_extra", VARCHAR),  # JSON object of columns outside the contract, kept not used
    ("_source_file", VARCHAR),  # path relative to the landing folder
    ("_line_number", BIGINT),  # 1-based data line in the file (header is line 0); row number for parquet
    ("_export_date", DATE),
    ("_loaded_at", TIMESTAMP),
)

QUARANTINE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("source", VARCHAR),
    ("entity", VARCHAR),
    ("source_file", VARCHAR),
    ("line_number", BIGINT),  # NULL when the whole file was rejected
    ("export_date", DATE),
    ("reason", VARCHAR),  # short machine-groupable reason, e.g. "missing_required:order_id"
    ("detail", VARCHAR),  # human sentence for the on-call
    ("payload", VARCHAR),  # the raw row as JSON text (all values as they arrived)
    ("quarantined_at", TIMESTAMP),
)


def entities_of(source: str) -> list[Entity]:
    return [e for e in ENTITIES if e.source == source]


def raw_table_ddl(entity: Entity, schema: str = "raw") -> str:
    cols = [f'"{c.name}" {c.type}' for c in entity.columns] + [f'"{n}" {t}' for n, t in RAW_METADATA_COLUMNS]
    return f"create table if not exists {schema}.{entity.table} ({', '.join(cols)})"


def quarantine_ddl(schema: str = "raw") -> str:
    cols = ", ".join(f"{n} {t}" for n, t in QUARANTINE_COLUMNS)
    return f"create table if not exists {schema}.quarantine ({cols})"


# Export files: data/landing/<source>/<entity>/<YYYY-MM-DD>[anything].{csv,csv.gz,parquet}
EXPORT_SUFFIXES: tuple[str, ...] = (".csv", ".csv.gz", ".parquet")


@dataclass(frozen=True)
class ExportFile:
    source: str
    entity: str
    export_date: str  # YYYY-MM-DD
    path: str  # absolute
    relpath: str = field(default="")  # relative to the landing folder
