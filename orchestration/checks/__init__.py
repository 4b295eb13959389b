"""Dagster asset checks: landing (GX + quarantine rate) and, later, marts and identity quality."""
