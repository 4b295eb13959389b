"""Synthetic export files for benchmarks: written by DuckDB, never held in Python."""

from __future__ import annotations

from pathlib import Path

import duckdb

WEB_EVENT_TYPES = "['page_view', 'page_ping', 'page_ping', 'page_ping', 'add_to_cart', 'login', 'search', 'checkout']"


def write_web_events(landing_dir: str | Path, export_date: str, rows: int = 1_000_000, bad_every: int = 1000) -> Path:
    """A web/events CSV for one export day; about one row in ``bad_every`` breaks a rule."""
    out = Path(landing_dir) / "web" / "events" / f"{export_date}.csv"
    out.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.execute(f"""
        copy (
            select
                case when i % {bad_every} = 1 then null else 'ev-' || i end as event_id,
                'anon-' || (i % 200000) as anonymous_id,
                case when i % 5 = 0 then 'acct-' || (i % 50000) end as shop_account_id,
                case when i % {bad_every} = 2 then 'teleport'
                     else {WEB_EVENT_TYPES}[1 + (i % 8)] end as event_type,
                'https://shop.example/p/' || (i % 5000) as page_url,
                case when i % {bad_every} = 3 then 'yesterday'
                     else strftime(timestamp '{export_date}' + to_microseconds((i * 86399000000 // {rows})::bigint),
                                   '%Y-%m-%dT%H:%M:%S.%gZ') end as occurred_at,
                strftime(timestamp '{export_date}' + to_microseconds((i * 86399000000 // {rows})::bigint + 1500000),
                         '%Y-%m-%dT%H:%M:%S.%gZ') as received_at,
                'ua-' || (i % 37) as user_agent
            from range({rows}) t(i)
        ) to '{out}' (header, delimiter ',')
    """)
    con.close()
    return out
