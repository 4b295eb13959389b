"""What BI and the business open: the demo's serving file, read as a BI tool, an analyst and the CRM team would."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess

import duckdb
import pytest

from customer360.dbt_artifacts import manifest_path, serving_meta
from customer360.serving import pii_hash
from customer360.settings import DEMO_SALT
from tests.isolated import dashboard_python, run_isolated
from tests.warehouse import PROJECT_DIR

READ_EVERY_MART = """
import duckdb, json, sys
con = duckdb.connect(sys.argv[1], read_only=True)
tables = [r[0] for r in con.execute(
    "select table_name from information_schema.tables where table_schema = 'marts' order by 1").fetchall()]
rows = {t: len(con.execute(f'select * from marts."{t}"').fetchall()) for t in tables}
print(json.dumps({"version": duckdb.__version__, "rows": rows}))
"""


def serving(pipeline):
    return duckdb.connect(str(pipeline.serving), read_only=True)


@pytest.mark.parametrize("reader", ["duckdb==1.1.3", "dashboard"])
def test_every_mart_opens_in_the_duckdb_1x_that_bi_tools_ship(demo_pipeline, reader):
    """DuckDB 1.1 (the oldest reader the storage version promises) from PyPI in an isolated environment, and
    the dashboard's DuckDB 1.4, read every row of every mart."""
    pipeline, _ = demo_pipeline
    if reader == "dashboard":
        out = subprocess.run([str(dashboard_python()), "-c", READ_EVERY_MART, str(pipeline.serving)],
                             capture_output=True, text=True, timeout=300, check=False)
    else:
        out = run_isolated([reader], ["python", "-c", READ_EVERY_MART, str(pipeline.serving)])
    assert out.returncode == 0, out.stderr[-3000:]
    read = json.loads(out.stdout.strip().splitlines()[-1])
    assert read["version"].startswith("1.")
    with serving(pipeline) as con:
        names = [r[0] for r in con.execute("select table_name from duckdb_tables() where schema_name = 'marts'")
                 .fetchall()]
        expected = {t: con.execute(f'select count(*) from marts."{t}"').fetchone()[0] for t in names}
    assert read["rows"] == expected and len(expected) >= 19
    assert read["rows"]["dim_customers"] > 0 and read["rows"]["fct_orders"] > 0


def test_system_keys_stay_readable_and_contact_data_is_hashed(demo_pipeline):
    """The CRM team finds a customer by its own key; emails and phones appear only as salted hashes."""
    pipeline, _ = demo_pipeline
    crm_id, email = pipeline.query("""
        select crm.crm_customer_id, crm.email from staging.stg_crm__customers as crm
        inner join intermediate.int_identity__customer_identifiers as ids
          on ids.identifier_type = 'crm_customer_id' and ids.identifier_value = crm.crm_customer_id
        where crm.email is not null order by 1 limit 1""")[0]
    with serving(pipeline) as con:
        (customer_id,) = con.execute("""select customer_id from marts.bdg_customer_identifiers
            where identifier_type = 'crm_customer_id' and identifier_value = ?""", [crm_id]).fetchone()
        by_type = dict(con.execute("""select identifier_type, bool_and(regexp_full_match(identifier_value, '[0-9a-f]{64}'))
            from marts.bdg_customer_identifiers group by 1""").fetchall())
        email_hashes = {r[0] for r in con.execute(
            "select identifier_value from marts.bdg_customer_identifiers where customer_id = ? "
            "and identifier_type = 'email'", [customer_id]).fetchall()}
        touchpoint_keys = dict(con.execute("""select source_identifier_type,
            bool_and(regexp_full_match(source_identifier_value, '[0-9a-f]{64}'))
            from marts.fct_touchpoints where source_identifier_value is not null group by 1""").fetchall())
    assert pii_hash(email, DEMO_SALT) in email_hashes
    assert by_type["email"] and by_type["phone"] and by_type["anonymous_id"] and by_type["device_id"]
    assert not (by_type["crm_customer_id"] or by_type["shop_account_id"] or by_type["loyalty_card_number"])
    assert touchpoint_keys["email"] and not touchpoint_keys["shop_account_id"]


def test_birth_dates_become_age_bands_and_birth_years_only_with_profiling_consent(demo_pipeline):
    pipeline, _ = demo_pipeline
    with serving(pipeline) as con:
        columns = {r[0] for r in con.execute("describe marts.dim_customers").fetchall()}
        bands = dict(con.execute("select age_band, count(*) from marts.dim_customers group by 1").fetchall())
        (years_without_consent,) = con.execute("""select count(*) from marts.dim_customers
            where birth_year is not null and not (consent_profiling_email or consent_profiling_sms
                                                  or consent_profiling_push or consent_profiling_ads)""").fetchone()
    truth = dict(pipeline.query("""select customer_id, age_band from marts.dim_customers"""))
    assert "birth_date" not in columns and {"age_band", "birth_year"} <= columns
    assert set(bands) <= {None, "<18", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"} and len(bands) >= 4
    assert sum(bands.values()) == len(truth)
    assert years_without_consent == 0
    # the band is the age on as_of_date, recomputed here from the warehouse's birth dates
    ages = pipeline.query("""select customer_id, date_diff('year', birth_date, as_of_date)
        - case when strftime(as_of_date, '%m%d') < strftime(birth_date, '%m%d') then 1 else 0 end
        from marts.dim_customers cross join intermediate.int_calendar__as_of_date where birth_date is not null""")
    ranges = {"<18": (0, 17), "18-24": (18, 24), "25-34": (25, 34), "35-44": (35, 44), "45-54": (45, 54),
              "55-64": (55, 64), "65+": (65, 150)}
    assert ages
    for customer_id, age in ages:
        low, high = ranges[truth[customer_id]]
        assert low <= age <= high, (customer_id, age, truth[customer_id])


def test_audiences_carry_unsalted_hashes_only_on_the_consented_channel(demo_pipeline):
    pipeline, _ = demo_pipeline
    emails = dict(pipeline.query("select customer_id, email from marts.dim_customers where email is not null"))
    phones = dict(pipeline.query("select customer_id, phone from marts.dim_customers where phone is not null"))
    with serving(pipeline) as con:
        members = con.execute("select customer_id, channel, email_sha256, phone_sha256 "
                              "from marts.marketing_audiences").fetchall()
    assert members and any(email for _, _, email, _ in members)
    for customer_id, channel, email_hash, phone_hash in members:
        if channel in ("email", "ads") and customer_id in emails:
            assert email_hash == hashlib.sha256(emails[customer_id].encode()).hexdigest()  # what ad platforms match
        else:
            assert email_hash is None
        if channel in ("sms", "ads") and customer_id in phones:
            assert phone_hash == hashlib.sha256(phones[customer_id].encode()).hexdigest()
        else:
            assert phone_hash is None


def test_money_is_exact_attribution_adds_up_without_a_filter_and_no_loader_column_is_left(demo_pipeline):
    pipeline, _ = demo_pipeline
    with serving(pipeline) as con:
        types = {(t, c): d for t, c, d in con.execute(
            "select table_name, column_name, data_type from information_schema.columns where table_schema = 'marts'")
            .fetchall()}
        (revenue,) = con.execute("select sum(net_amount) from marts.fct_orders").fetchone()
        per_model = con.execute("""select sum(first_touch_revenue), sum(last_touch_revenue), sum(linear_revenue)
                                   from marts.fct_order_attribution""").fetchone()
    for money in [("fct_orders", "net_amount"), ("fct_orders", "gross_amount"), ("fct_order_lines", "line_amount"),
                  ("fct_touchpoints", "revenue"), ("customer_loyalty", "revenue"), ("loyalty_kpis_monthly", "revenue"),
                  ("fct_order_attribution", "linear_revenue"), ("clv_predictions", "predicted_clv_12m")]:
        assert types[money] == "DECIMAL(18,2)", money
    assert revenue > 0 and per_model == (revenue, revenue, revenue)  # exact, to the cent
    assert not [key for key in types if key[1].startswith("_")]  # no _export_date, _loaded_at, ...


def test_every_fact_finds_its_store_product_and_day(demo_pipeline):
    pipeline, _ = demo_pipeline
    with serving(pipeline) as con:
        orphans = con.execute("""select
            (select count(*) from marts.fct_orders as o left join marts.dim_stores as s using (store_id)
             where o.store_id is not null and s.store_id is null),
            (select count(*) from marts.fct_order_lines as l left join marts.dim_products as p using (sku)
             where l.sku is not null and p.sku is null),
            (select count(*) from marts.fct_touchpoints as t left join marts.dim_date as d
                on cast(t.occurred_at as date) = d.date_day where d.date_day is null)""").fetchone()
        named = con.execute("""select count(*) filter (where product_name is not null), count(*)
                               from marts.dim_products""").fetchone()
        stores = con.execute("select count(*), count(timezone) from marts.dim_stores").fetchone()
    assert orphans == (0, 0, 0)
    assert 0 < named[0] < named[1]  # the catalogue names most SKUs; a few sold ones are not in it
    assert stores[0] == stores[1] > 0


def test_tables_and_columns_carry_the_dbt_docs(demo_pipeline):
    pipeline, _ = demo_pipeline
    with serving(pipeline) as con:
        tables = dict(con.execute("select table_name, comment from duckdb_tables() where schema_name = 'marts'")
                      .fetchall())
        columns = con.execute("""select table_name, column_name, comment from duckdb_columns()
                                 where schema_name = 'marts'""").fetchall()
    assert all(tables.values()), [t for t, c in tables.items() if not c]
    undocumented = [(t, c) for t, c, comment in columns if not comment]
    assert undocumented == []
    comment = {(t, c): text for t, c, text in columns}
    assert comment[("dim_customers", "email")].startswith("Contact email")
    assert "PII_SALT" in comment[("dim_customers", "email")]
    assert comment[("clv_predictions", "probability_alive")].startswith("BG/NBD")


def test_every_contact_pii_column_of_the_marts_has_a_serving_rule():
    """A new mart column holding contact data must say how it is published; none may pass by default."""
    rules = serving_meta(manifest_path(PROJECT_DIR))
    nodes = json.loads(manifest_path(PROJECT_DIR).read_text())["nodes"].values()
    contact = re.compile(r"(^|_)(email|phone|first_name|last_name|street|social_handle|birth_date|"
                         r"identifier_value|visitor_id|anonymous_id|device_id)$")
    missing = [(n["name"], c) for n in nodes if n["resource_type"] == "model" and n["schema"] == "marts"
               for c in n["columns"] if contact.search(c) and not c.startswith(("consent_", "evidence_"))
               and c not in rules.get(n["name"], {})]
    assert missing == []
