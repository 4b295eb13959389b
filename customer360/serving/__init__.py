"""Serving: the marts published to the read-only file BI opens (write-audit-publish, pseudonymised by
the dbt columns' `serving` meta, documented, readable by DuckDB 1.x)."""

from customer360.serving.policy import ColumnRule, parse_rule, rules_from_meta
from customer360.serving.publish import PublishResult, pii_hash, previous_path, publish_marts, rollback

__all__ = ["ColumnRule", "PublishResult", "parse_rule", "pii_hash", "previous_path", "publish_marts", "rollback",
           "rules_from_meta"]
