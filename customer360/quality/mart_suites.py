"""Great Expectations suites for the public marts (schema ``marts``), built in code.

What they add to the dbt tests (which already hold keys unique / not null, enum values, relationships
and the contracts): ranges, formats, cross-column and cross-table business rules, and a few
distribution thresholds. One suite per mart; every expectation carries ``meta.severity``:

- blocking: a figure that cannot be true (NPS outside -100..100, a rate outside 0..1, a customer
  with revenue but no orders, negative engaged seconds, an audience member without consent for the
  channel, an erased person anywhere). The mart is wrong: publish must not ship it.
- warning: a figure that is possible but worth a look (absurd amounts, ages over 120, fewer than
  30 % of orders resolved to a customer). Reported, never blocks.

Rules that need more than one column or table are written as SQL in the suite's query, naming
relations by their dbt model name (``{dim_customers}``; ``{t}`` is the suite's own mart, ``{as_of}``
the as-of date), resolved from dbt's manifest when validated, so lineage and renames stay dbt's. A
rule lives once: what a dbt test already asserts (keys, accepted values, the consent and erasure of
audience members in ``assert_marketing_audiences_are_consented``) is not repeated here. A derived
column holds the offending row's key (e.g. ``revenue_without_orders`` = the customer_id of a
customer with revenue and no orders, else NULL) and the suite expects it to be NULL, so the
on-call's samples are the keys to look up, not ``True``.

Memory stays bounded: a mart is never loaded whole into pandas. Its query (the mart's columns the
suite needs plus the derived ones) is streamed out of DuckDB as Arrow record batches
(``con.sql(query).to_arrow_reader(BATCH_ROWS)``), gathered into pandas frames of about ``BATCH_ROWS``
rows (``read_batches``); each frame is one GX validation and is dropped before the next is read. Joins and aggregates of the
derived columns run inside DuckDB under its ``memory_limit`` (spilling to disk). Peak memory of a
check is therefore GX itself, one batch of a few narrow columns and DuckDB's buffer cache (capped by
its memory_limit), whatever the size of the mart. Measured on a synthetic fct_touchpoints (2 cores,
memory_limit 1GB): 3 M rows peak RSS 556 MB, 8 M rows 686 MB (of which ~300 MB is GX imported),
then ~3 s per million rows; loading the same four columns of 3 M rows whole into pandas alone took 1.1 GB.
At 1M persons ``fct_touchpoints`` (23 M rows) is 69 frames and 8 s (GX's fingerprint of each batch
turned off, see gx_validation.py), never one 23 M-row frame (~8 GB).
The per-batch results are folded into one (counts summed, samples from the first failing batches).
Distribution expectations with ``mostly`` are judged per batch (every batch must hold the share); the
demo's marts are one batch each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import great_expectations as gx
import great_expectations.expectations as gxe
import pandas as pd
import pyarrow as pa

from customer360.quality.gx_validation import (
    BLOCKING,
    WARNING,
    SuiteValidator,
    combine_batches,
    expectation_meta,
    suite_result_to_check,
)

DOCS_SITE = "customer360_marts"
BATCH_ROWS = 250_000  # rows per GX validation (Settings.gx_batch_rows)
SCHEMA = "marts"
AS_OF = "(select as_of_date from {int_calendar__as_of_date})"
EMAIL_REGEX = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"  # normalised: trimmed, lower case
E164_REGEX = r"^\+[1-9][0-9]{6,14}$"
ABSURD_AMOUNT = 100_000  # ingest quarantines larger amounts; a mart above it summed something twice


# ---------------------------------------------------------------------------- expectation helpers


def between(column: str, min_value=None, max_value=None, severity: str = BLOCKING, group: str = "ranges",
            **kwargs):
    return gxe.ExpectColumnValuesToBeBetween(column=column, min_value=min_value, max_value=max_value,
                                             meta=expectation_meta(severity, group), **kwargs)


def no_offenders(column: str, severity: str = BLOCKING, group: str = "rules"):
    """A derived column that holds the key of every row breaking a rule must be NULL throughout."""
    return gxe.ExpectColumnValuesToBeNull(column=column, meta=expectation_meta(severity, group))


def matches(column: str, regex: str, severity: str = BLOCKING, group: str = "formats"):
    return gxe.ExpectColumnValuesToMatchRegex(column=column, regex=regex, meta=expectation_meta(severity, group))


def mostly_present(column: str, mostly: float, severity: str = WARNING, group: str = "distributions"):
    return gxe.ExpectColumnValuesToNotBeNull(column=column, mostly=mostly, meta=expectation_meta(severity, group))


def in_set(column: str, values, severity: str = BLOCKING, group: str = "values"):
    return gxe.ExpectColumnValuesToBeInSet(column=column, value_set=list(values),
                                           meta=expectation_meta(severity, group))


@dataclass(frozen=True)
class MartSuite:
    """One mart's suite: the SQL whose rows are validated and the expectations on them."""

    table: str
    description: str
    query: str  # `{t}` is the mart, `{<model>}` any dbt model; columns = what the expectations name
    expectations: Callable[[], list] = field(repr=False)

    def sql(self, relations: Mapping[str, object]) -> str:
        """The query with every relation named as dbt built it (``relations``: model name -> relation)."""
        names = {name: str(relation) for name, relation in relations.items()}
        return self.query.format_map({**names, "t": names[self.table], "as_of": AS_OF.format_map(names)})

    def build(self) -> gx.ExpectationSuite:
        return gx.ExpectationSuite(name=f"{SCHEMA}.{self.table}", expectations=self.expectations())

    @property
    def severities(self) -> set[str]:
        return {e.meta["severity"] for e in self.expectations()}

    def labels(self, severity: str) -> list[str]:
        """The expectations of one severity, as the check metadata names them."""
        out = []
        for e in self.expectations():
            if e.meta["severity"] == severity:
                target = getattr(e, "column", None) or "table"
                out.append(f"{e.expectation_type}({target})")
        return out


def _counts(*columns: str) -> list:
    return [between(c, 0) for c in columns]


def _rates(*columns: str) -> list:
    return [between(c, 0, 1) for c in columns]


SUITES: tuple[MartSuite, ...] = (
    # ------------------------------------------------------------------------------ identity
    MartSuite(
        "dim_customers",
        "Golden records: email and phone normalised, every customer holds an identifier, plausible ages.",
        """select customer_id, email, phone,
                  date_diff('year', birth_date, {as_of}) as age_years,
                  coalesce(crm_customer_id_count, 0) + coalesce(loyalty_card_number_count, 0)
                    + coalesce(shop_account_id_count, 0) + coalesce(email_count, 0) + coalesce(phone_count, 0)
                    + coalesce(social_handle_count, 0) + coalesce(device_id_count, 0)
                    + coalesce(anonymous_id_count, 0) as identifiers,
                  case when first_seen_at > last_seen_at then customer_id end as seen_out_of_order,
                  coalesce(email, phone) as contact
           from {t}""",
        lambda: [
            matches("email", EMAIL_REGEX),
            matches("phone", E164_REGEX),
            between("identifiers", 1, group="keys"),
            no_offenders("seen_out_of_order"),
            between("age_years", 0, 120, severity=WARNING),
            mostly_present("contact", 0.5),
        ],
    ),
    MartSuite(
        "bdg_customer_identifiers",
        "The bridge holds no erased identifier; emails and phones in normalised form.",
        """select bridge.customer_id,
                  case when bridge.identifier_type = 'email' then bridge.identifier_value end as email,
                  case when bridge.identifier_type = 'phone' then bridge.identifier_value end as phone,
                  case when bridge.first_seen_at > bridge.last_seen_at then bridge.identifier_value end
                    as seen_out_of_order,
                  case when erased.identifier_value is not null then bridge.customer_id end as erased_identifier_of
           from {t} as bridge
           left join {int_identity__erased_identifiers} as erased
             on bridge.identifier_type = erased.identifier_type
            and bridge.identifier_value = erased.identifier_value""",
        lambda: [
            matches("email", EMAIL_REGEX),
            matches("phone", E164_REGEX),
            no_offenders("seen_out_of_order"),
            no_offenders("erased_identifier_of", group="erasure"),
        ],
    ),
    MartSuite(
        "customer_id_changes",
        "Every change moves identifiers between two different ids, never in the future.",
        """select case when old_customer_id = new_customer_id then old_customer_id end as changed_to_itself,
                  identifiers_moved,
                  case when changed_at > now()::timestamp + interval 1 day then old_customer_id end
                    as changed_in_future
           from {t}""",
        lambda: [
            no_offenders("changed_to_itself"),
            between("identifiers_moved", 0, group="ranges"),
            no_offenders("changed_in_future", severity=WARNING),
        ],
    ),
    MartSuite(
        "identity_review_queue",
        "Probabilities in 0..1, each pair once in one order (record a before record b).",
        """select pair_id, match_probability,
                  case when record_id_a >= record_id_b then pair_id end as pair_out_of_order
           from {t}""",
        lambda: [
            between("match_probability", 0, 1),
            no_offenders("pair_out_of_order"),
        ],
    ),
    # ------------------------------------------------------------------------------ core dimensions
    MartSuite(
        "dim_date",
        "Consecutive days (no gap) covering as_of_date; calendar parts in range.",
        """select date_day, month_number, day_of_week, day_of_month,
                  case when date_day - lag(date_day) over (order by date_day) <> 1 then date_day end as gap_before,
                  case when (select count(*) from {t} where date_day = {as_of}) = 0 then date_day end
                    as as_of_date_missing
           from {t}""",
        lambda: [
            no_offenders("gap_before"),
            no_offenders("as_of_date_missing"),
            between("month_number", 1, 12),
            between("day_of_week", 1, 7),
            between("day_of_month", 1, 31),
        ],
    ),
    MartSuite(
        "dim_stores",
        "Stores with a timezone (till times are converted with it); first transaction before the last.",
        """select store_id, timezone,
                  case when first_transaction_at > last_transaction_at then store_id end as first_after_last
           from {t}""",
        lambda: [
            no_offenders("first_after_last"),
            mostly_present("timezone", 1.0),
        ],
    ),
    MartSuite(
        "dim_products",
        "List prices non-negative and plausible; ratings 1..5; every SKU of fct_order_lines present.",
        """with sold as (select distinct sku from {fct_order_lines} where sku is not null)
           select products.sku, products.list_price, products.average_rating, products.review_count,
                  case when sold.sku is not null and products.sku is null then sold.sku end as sold_sku_missing
           from {t} as products
           full outer join sold on products.sku = sold.sku""",
        lambda: [
            between("list_price", 0),
            between("average_rating", 1, 5),
            between("review_count", 0),
            no_offenders("sold_sku_missing", group="keys"),
            between("list_price", max_value=ABSURD_AMOUNT, severity=WARNING),
        ],
    ),
    # ------------------------------------------------------------------------------ journeys
    MartSuite(
        "fct_orders",
        "Amounts non-negative and plausible, net never above gross, nothing after as_of_date.",
        """select order_id, customer_id, gross_amount, net_amount, item_count, customer_order_number,
                  case when net_amount > gross_amount + 0.005 then order_id end as net_above_gross,
                  case when cast(ordered_at as date) > {as_of} then order_id end as ordered_after_as_of
           from {t}""",
        lambda: [
            *_counts("gross_amount", "net_amount", "item_count"),
            between("customer_order_number", 1),
            no_offenders("net_above_gross"),
            no_offenders("ordered_after_as_of"),
            between("gross_amount", max_value=ABSURD_AMOUNT, severity=WARNING),
            mostly_present("customer_id", 0.3),
        ],
    ),
    MartSuite(
        "fct_order_lines",
        "line_amount = quantity x unit_price; prices non-negative; plausible quantities.",
        """select order_id, quantity, unit_price,
                  case when abs(line_amount - quantity * unit_price) > 0.01 then order_id end
                    as line_amount_mismatch
           from {t}""",
        lambda: [
            between("unit_price", 0),
            no_offenders("line_amount_mismatch"),
            between("quantity", 1, 1000, severity=WARNING),
        ],
    ),
    MartSuite(
        "fct_touchpoints",
        "Engaged seconds and revenue non-negative; no touchpoint after as_of_date.",
        """select touchpoint_id, customer_id, engaged_seconds, revenue,
                  case when cast(occurred_at as date) > {as_of} then touchpoint_id end as occurred_after_as_of
           from {t}""",
        lambda: [
            between("engaged_seconds", 0),
            no_offenders("occurred_after_as_of"),
            between("revenue", 0, ABSURD_AMOUNT, severity=WARNING),
            mostly_present("customer_id", 0.3),
        ],
    ),
    MartSuite(
        "fct_sessions",
        "Engaged seconds and durations non-negative, sessions end after they start and hold an event.",
        """select session_id, engaged_seconds, duration_seconds, event_count,
                  case when ended_at < started_at then session_id end as ended_before_started
           from {t}""",
        lambda: [
            *_counts("engaged_seconds", "duration_seconds"),
            between("event_count", 1),
            no_offenders("ended_before_started"),
            between("engaged_seconds", max_value=24 * 3600, severity=WARNING),
        ],
    ),
    MartSuite(
        "fct_abandoned_carts",
        "Cart values and idle hours non-negative; plausible cart values.",
        "select cart_id, cart_value, hours_idle from {t}",
        lambda: [
            *_counts("cart_value", "hours_idle"),
            between("cart_value", max_value=ABSURD_AMOUNT, severity=WARNING),
        ],
    ),
    MartSuite(
        "fct_journey_stages",
        "Stages in order: positive stage order, no negative days between stages.",
        "select customer_id, stage_order, days_since_previous_stage, days_since_first_touch from {t}",
        lambda: [
            between("stage_order", 1),
            *_counts("days_since_previous_stage", "days_since_first_touch"),
        ],
    ),
    MartSuite(
        "fct_order_attribution",
        "Credits in 0..1, attributed revenue non-negative, no touchpoint credited after its order.",
        """select order_id, first_touch_credit, last_touch_credit, linear_credit,
                  first_touch_revenue, last_touch_revenue, linear_revenue,
                  case when touchpoint_occurred_at > ordered_at then order_id end as touch_after_order
           from {t}""",
        lambda: [
            *[between(f"{model}_credit", 0, 1) for model in ("first_touch", "last_touch", "linear")],
            *_counts("first_touch_revenue", "last_touch_revenue", "linear_revenue"),
            no_offenders("touch_after_order"),
        ],
    ),
    # ------------------------------------------------------------------------------ loyalty
    MartSuite(
        "customer_loyalty",
        "No customer with revenue but no orders (here or in fct_orders); scores 1..5, NPS 0..10, "
        "engagement non-negative.",
        """with ordering as (select customer_id from {fct_orders} group by customer_id)
           select loyalty.customer_id, orders, revenue, frequency_score, monetary_score, latest_nps_score,
                  sessions_90d, engaged_minutes_90d, days_since_last_order, average_order_value,
                  case when revenue > 0 and coalesce(orders, 0) = 0 then loyalty.customer_id end
                    as revenue_without_orders,
                  case when revenue > 0 and ordering.customer_id is null then loyalty.customer_id end
                    as revenue_without_fct_orders
           from {t} as loyalty
           left join ordering on loyalty.customer_id = ordering.customer_id""",
        lambda: [
            no_offenders("revenue_without_orders"),
            no_offenders("revenue_without_fct_orders"),
            *_counts("orders", "revenue", "sessions_90d", "engaged_minutes_90d"),
            between("frequency_score", 1, 5),
            between("monetary_score", 1, 5),
            between("latest_nps_score", 0, 10),
            between("days_since_last_order", 0, severity=WARNING),
            between("average_order_value", max_value=ABSURD_AMOUNT, severity=WARNING),
        ],
    ),
    MartSuite(
        "loyalty_kpis_monthly",
        "NPS in -100..100; repeat purchase rate, top-20% revenue share and other rates in 0..1; "
        "counts non-negative and consistent; email pressure plausible.",
        """select month_start, nps, repeat_purchase_rate, top_20pct_revenue_share, care_within_target_rate,
                  email_open_rate, email_click_rate, email_unsubscribe_rate, contact_pressure,
                  active_customers, purchasing_customers, new_customers, reactivated_customers,
                  churned_customers, orders, revenue, nps_responses, care_tickets, emails_sent,
                  engaged_minutes,
                  case when purchasing_customers > active_customers then month_start end
                    as purchasers_above_active,
                  case when new_customers > purchasing_customers then month_start end as new_above_purchasers
           from {t}""",
        lambda: [
            between("nps", -100, 100),
            *_rates("repeat_purchase_rate", "top_20pct_revenue_share", "care_within_target_rate",
                    "email_open_rate", "email_click_rate", "email_unsubscribe_rate"),
            *_counts("active_customers", "purchasing_customers", "new_customers", "reactivated_customers",
                     "churned_customers", "orders", "revenue", "nps_responses", "care_tickets", "emails_sent",
                     "engaged_minutes"),
            no_offenders("purchasers_above_active"),
            no_offenders("new_above_purchasers"),
            between("contact_pressure", max_value=10, severity=WARNING),
        ],
    ),
    MartSuite(
        "cohort_retention",
        "Retention rates in 0..1 (1 in the cohort month), retained never above the cohort size.",
        """select cohort_month, months_since_first_purchase, retention_rate, cohort_size,
                  cumulative_revenue_per_customer,
                  case when customers_retained > cohort_size then cohort_month end as retained_above_size,
                  case when months_since_first_purchase = 0 and retention_rate <> 1 then cohort_month end
                    as cohort_month_not_fully_retained
           from {t}""",
        lambda: [
            between("retention_rate", 0, 1),
            between("months_since_first_purchase", 0),
            between("cohort_size", 1),
            no_offenders("retained_above_size"),
            no_offenders("cohort_month_not_fully_retained"),
            between("cumulative_revenue_per_customer", 0, severity=WARNING),
        ],
    ),
    MartSuite(
        "marketing_audiences",
        "Every member reachable on the audience's channel (an address for email/sms); consent and "
        "erasure are dbt's test assert_marketing_audiences_are_consented.",
        """select audiences.customer_id, audiences.prior_contacts_in_window, audiences.audience_rank,
                  case when (audiences.channel = 'email' and customers.email is null)
                         or (audiences.channel = 'sms' and customers.phone is null)
                       then audiences.customer_id end as member_without_address
           from {t} as audiences
           left join {dim_customers} as customers on audiences.customer_id = customers.customer_id""",
        lambda: [
            no_offenders("member_without_address", group="consent"),
            between("prior_contacts_in_window", 0),
            between("audience_rank", 1, severity=WARNING),
        ],
    ),
    MartSuite(
        "clv_model_fit",
        "Known models, non-negative holdout error and customer counts.",
        "select model, holdout_error, customers from {t}",
        lambda: [
            in_set("model", ["bg_nbd", "gamma_gamma"]),
            *_counts("holdout_error", "customers"),
        ],
    ),
    MartSuite(
        "clv_predictions",
        "probability_alive in 0..1, predicted purchases, spend and CLV non-negative.",
        """select customer_id, probability_alive, predicted_purchases_12m, expected_average_spend,
                  predicted_clv_12m
           from {t}""",
        lambda: [
            between("probability_alive", 0, 1),
            *_counts("predicted_purchases_12m", "expected_average_spend", "predicted_clv_12m"),
        ],
    ),
)

BY_TABLE: dict[str, MartSuite] = {s.table: s for s in SUITES}


# ----------------------------------------------------------------------------------------- validate


def read_batches(con, sql: str, batch_rows: int = BATCH_ROWS) -> Iterator[pd.DataFrame]:
    """The suite's query as pandas frames of about ``batch_rows`` rows (one frame if empty).

    DuckDB hands out Arrow batches well below the size asked for (~120 k rows); they are gathered up
    to ``batch_rows`` first, because every GX validation has a fixed cost (~0.1 s): fct_touchpoints at
    1M persons took 203 validations and 22 s in batches as DuckDB gives them."""
    reader = con.sql(sql).to_arrow_reader(batch_rows)
    pending, pending_rows, empty = [], 0, True
    for batch in reader:
        empty = False
        pending.append(batch)
        pending_rows += batch.num_rows
        if pending_rows >= batch_rows:
            yield pa.Table.from_batches(pending).to_pandas()
            pending, pending_rows = [], 0
    if pending:
        yield pa.Table.from_batches(pending).to_pandas()
    if empty:
        yield reader.schema.empty_table().to_pandas()


@dataclass
class MartValidation:
    table: str
    rows: int
    batches: int
    checks: dict[str, dict[str, Any]]  # severity -> suite_result_to_check-like outcome over all batches
    docs_path: str | None


class MartValidator(SuiteValidator):
    """Validates marts batch by batch with an ephemeral GX context; Data Docs under docs_dir.

    ``relations``: dbt model name -> the relation it is built as (dbt_artifacts.model_relations), plus
    the tables written outside dbt (the CLV step's)."""

    def __init__(self, relations: Mapping[str, object], docs_dir=None, batch_rows: int = BATCH_ROWS):
        super().__init__(docs_dir, site_name=DOCS_SITE, source_name=SCHEMA)
        self.relations, self.batch_rows = relations, batch_rows

    def validate_mart(self, con, suite: MartSuite | str, *, run_name: str, docs: bool = True) -> MartValidation:
        """One validation per batch; the Data Docs page of the first failing batch (else the last)."""
        suite = BY_TABLE[suite] if isinstance(suite, str) else suite
        checkpoint = self.prepare(suite.build(), suite.table)
        severities = sorted(suite.severities)
        per_batch: dict[str, list] = {s: [] for s in severities}
        rows = batches = 0
        shown = None  # identifier of the result whose Data Docs page is rendered
        for df in read_batches(con, suite.sql(self.relations), self.batch_rows):
            batches += 1
            rows += len(df)
            identifier, result = self.run(checkpoint, df, f"{run_name}-b{batches}")
            del df
            for severity in severities:
                per_batch[severity].append(suite_result_to_check(result, severity))
            if shown is None or shown[1]:  # keep the first failing batch, else move on to the latest
                shown = (identifier, bool(result.success))
        checks = {s: combine_batches(per_batch[s], s) for s in severities}
        docs_path = self.render_docs(shown[0]) if docs and shown else None
        return MartValidation(suite.table, rows, batches, checks, docs_path)
