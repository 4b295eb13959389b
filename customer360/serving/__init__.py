"""Serving: the marts published to the read-only file BI opens (write-audit-publish, PII hashed)."""

from customer360.serving.publish import PublishResult, pii_hash, previous_path, publish_marts, rollback

__all__ = ["PublishResult", "pii_hash", "previous_path", "publish_marts", "rollback"]
