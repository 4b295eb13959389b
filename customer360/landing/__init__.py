"""The landing contract and the loader: export files -> raw.<source>__<entity> + raw.quarantine.

    contract.py    every source, entity and column an export may carry
    files.py       which files a landing folder holds, and which export day each belongs to
    raw_tables.py  schema raw: the tables of the contract and the quarantine
    stage.py       an export file read as text into a temp table (or rejected whole, with a reason)
    rules.py       typing and row rules, as SQL over the staged rows
    load.py        batches of export days, each replaced in one transaction
    unknown.py     exports of sources or entities outside the contract
"""

from customer360.landing.files import Discovery, discover
from customer360.landing.load import LoadResult, load_export_day, load_export_days
from customer360.landing.raw_tables import ensure_raw_tables
from customer360.landing.unknown import quarantine_unknown_exports

__all__ = ["Discovery", "LoadResult", "discover", "ensure_raw_tables", "load_export_day", "load_export_days",
           "quarantine_unknown_exports"]
