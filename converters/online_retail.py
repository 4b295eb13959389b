"""UCI Online Retail (I and II) -> shop landing exports: accounts, orders, order_lines.

    python -m converters.online_retail --out data/landing [--source DIR] [--until 2010-12-31]

Mapping (docs/landing.md, "Bring your own exports"):
- an invoice is an order, on the export day of its InvoiceDate; its lines are order lines;
- CustomerID becomes shop_account_id `UCI<id>`; rows without one are guest checkouts (no identifier);
- a cancellation invoice (`C...`, negative quantities) becomes an order with status `returned` and
  positive quantities, so it counts as a return, not as revenue;
- exact duplicate rows of an invoice get the same line number: ingest quarantines the copies as
  `duplicate_key` rather than counting them twice;
- bad-debt adjustments (`A...`, negative prices) are passed through and quarantined by ingest;
- the two files overlap on 2010-12-01..09: those days are taken from Online Retail I only.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import duckdb

# shipped with the project (CC BY 4.0, credited in converters/uci_online_retail/README.md)
DEFAULT_SOURCE = Path(__file__).resolve().parent / "uci_online_retail"
OVERLAP_START = "2010-12-01"  # first day of Online Retail I; II is used only before it


def load_invoice_lines(con: duckdb.DuckDBPyConnection, source: Path, until: str | None) -> None:
    con.execute(f"""
        create or replace temp table invoice_lines as
        with unioned as (
            select Invoice as invoice, StockCode as sku, Quantity as quantity, InvoiceDate as invoiced_at,
                   Price as unit_price, "Customer ID" as customer_id, Country as country, 2 as file_rank
            from read_parquet('{source}/online_retail_II_2009_2010.parquet')
            where InvoiceDate < timestamp '{OVERLAP_START}'
            union all
            select InvoiceNo, StockCode, Quantity, InvoiceDate, UnitPrice, CustomerID, Country, 1
            from read_parquet('{source}/online_retail_I_2010_2011.parquet')
        )
        select
            *,
            cast(invoiced_at as date) as export_date,
            case when customer_id is not null then 'UCI' || cast(cast(customer_id as bigint) as varchar) end
                as shop_account_id,
            -- exact duplicates share a line number, so ingest sees (and quarantines) a duplicate key
            dense_rank() over (
                partition by invoice order by sku, quantity, unit_price
            ) as line_number
        from unioned
        {f"where invoiced_at < timestamp '{until}'" if until else ""}
    """)


def write_exports(con: duckdb.DuckDBPyConnection, out: Path) -> dict[str, int]:
    con.execute("""
        create or replace temp table export_orders as
        select
            invoice as order_id,
            any_value(shop_account_id) as shop_account_id,
            cast(null as varchar) as guest_email,
            strftime(min(invoiced_at), '%Y-%m-%dT%H:%M:%SZ') as ordered_at,
            case when invoice like 'C%' then 'returned' else 'placed' end as status,
            round(sum(abs(quantity) * unit_price), 2) as order_total,
            'GBP' as currency,
            'web' as device_channel,
            min(export_date) as export_date
        from invoice_lines
        group by invoice
    """)
    con.execute("""
        create or replace temp table export_order_lines as
        select invoice as order_id, line_number, sku, abs(quantity) as quantity, unit_price, export_date
        from invoice_lines
    """)
    con.execute("""
        create or replace temp table export_accounts as
        select
            shop_account_id,
            cast(null as varchar) as email, cast(null as varchar) as first_name,
            cast(null as varchar) as last_name, cast(null as varchar) as phone,
            strftime(min(invoiced_at), '%Y-%m-%dT%H:%M:%SZ') as created_at,
            any_value(country) as country,  -- outside the contract: kept in raw._extra
            min(export_date) as export_date
        from invoice_lines
        where shop_account_id is not null
        group by shop_account_id
    """)
    counts = {}
    for entity in ("accounts", "orders", "order_lines"):
        table = f"export_{entity}"
        folder = out / "shop" / entity
        folder.mkdir(parents=True, exist_ok=True)
        days = [r[0] for r in con.execute(f"select distinct export_date from {table} order by 1").fetchall()]
        for day in days:
            con.execute(
                f"copy (select * exclude (export_date) from {table} where export_date = date '{day}') "
                f"to '{folder / f'{day}.csv'}' (header, delimiter ',')"
            )
        counts[entity] = con.execute(f"select count(*) from {table}").fetchone()[0]
    return counts


def convert(out: Path, source: Path = DEFAULT_SOURCE, until: str | None = None) -> dict[str, int]:
    """Write shop exports under `out` and return rows written per entity."""
    con = duckdb.connect()
    try:
        load_invoice_lines(con, Path(source), until)
        return write_exports(con, Path(out))
    finally:
        con.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True, help="landing folder to write into")
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="folder of the two parquet files")
    parser.add_argument("--until", help="only invoices before this date (YYYY-MM-DD), for a small sample")
    args = parser.parse_args(argv)
    counts = convert(args.out, args.source, args.until)
    print(", ".join(f"{entity}: {n:,} rows" for entity, n in counts.items()))


if __name__ == "__main__":
    main()
