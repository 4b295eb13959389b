"""The landing contract and the plain-Python ingest logic (no Dagster imports here)."""
